using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// The spend of a client's <see cref="SpendBudget"/>s, time-stamped so windows can roll or reset (README.md, Spend
/// budgets). Exact under concurrency: an attempt is admitted only when, for every budget covering its model,
/// spent + held by calls in flight + this attempt's worst-case cost ≤ limit; the worst case is held until the call
/// ends and then replaced by the real cost. So concurrent calls never take a budget over its limit, as long as
/// providers honour the max output tokens sent. One lock for all budgets: a reservation across several budgets is
/// atomic, and the work under it is a few decimal additions.
/// </summary>
internal sealed class BudgetTracker
{
    private readonly BudgetWindow[] _windows;
    private readonly bool _unknownIsOver;
    private readonly Func<DateTimeOffset> _clock;
    private readonly object _gate = new();

    /// <param name="budgets">The budgets; their settings are copied now.</param>
    /// <param name="scope">A budget's scope as the catalog names it: the provider id and canonical model ref (or <c>null</c>s).</param>
    /// <param name="unknownIsOver"><see cref="CatalogChatClientOptions.UnknownPriceIsOverBudget"/>.</param>
    /// <param name="clock">The client's clock.</param>
    public BudgetTracker(
        IList<SpendBudget> budgets, Func<SpendBudget, (string? Provider, string? ModelRef)> scope, bool unknownIsOver, Func<DateTimeOffset> clock)
    {
        _windows = new BudgetWindow[budgets.Count];
        for (int i = 0; i < _windows.Length; i++)
        {
            var (provider, modelRef) = scope(budgets[i]);
            _windows[i] = new BudgetWindow(budgets[i], provider, modelRef);
        }

        _unknownIsOver = unknownIsOver;
        _clock = clock;
    }

    public bool IsEmpty => _windows.Length == 0;

    /// <summary>
    /// The most an attempt can cost: every request byte billed as one input token at the dearest input price
    /// (a token is at least one byte of text) plus <paramref name="maxOutputTokens"/> at the output price; <c>null</c>
    /// when the model's price is unknown.
    /// </summary>
    public static decimal? WorstCase(ModelCost cost, long requestBytes, long maxOutputTokens)
    {
        if (cost.Compute(requestBytes, maxOutputTokens) is not { } uncached)
        {
            return null;
        }

        // Whichever input price is dearest (a cache write usually is): the request's bytes all billed at it.
        decimal cacheRead = cost.Compute(0, maxOutputTokens, cacheRead: requestBytes)!.Value;
        decimal cacheWrite = cost.Compute(0, maxOutputTokens, cacheWrite: requestBytes)!.Value;
        return Math.Max(uncached, Math.Max(cacheRead, cacheWrite));
    }

    /// <summary>
    /// Holds <paramref name="worstCase"/> in every budget covering <paramref name="model"/>, or returns the first
    /// budget that refuses it. <c>null</c> reservation and refusal: no budget covers the model.
    /// </summary>
    public BudgetReservation? TryReserve(ModelInfo model, decimal? worstCase, out BudgetRefusal? refusal)
    {
        refusal = null;
        List<BudgetWindow>? covering = null;
        foreach (var window in _windows)
        {
            if (window.Covers(model))
            {
                (covering ??= new List<BudgetWindow>(_windows.Length)).Add(window);
            }
        }

        if (covering is null)
        {
            return null;
        }

        decimal amount = worstCase ?? 0m;
        lock (_gate)
        {
            long now = _clock().UtcTicks;
            foreach (var window in covering)
            {
                decimal held = window.Held(now);
                if (worstCase is null && _unknownIsOver)
                {
                    refusal = new BudgetRefusal(model.Ref, window.Budget, held,
                        "the price is unknown, which counts as over " + window.Description +
                        " (CatalogChatClientOptions.UnknownPriceIsOverBudget); " + PriceText.Usd(held) + " spent in this window");
                    return null;
                }

                if (held + amount > window.Limit)
                {
                    refusal = new BudgetRefusal(model.Ref, window.Budget, held,
                        "over " + window.Description + ": " + PriceText.Usd(held) + " spent in this window, this call may cost up to " +
                        PriceText.Usd(amount) + (window.CalendarDay ? " (resets at 00:00 UTC)" : string.Empty));
                    return null;
                }
            }

            foreach (var window in covering)
            {
                window.Reserved += amount;
            }
        }

        // Unknown is not free: under the default policy a call whose real cost stays unknown keeps its worst case.
        return new BudgetReservation(this, covering, amount, _unknownIsOver);
    }

    internal void Settle(List<BudgetWindow> covering, decimal reserved, decimal spent)
    {
        lock (_gate)
        {
            long now = _clock().UtcTicks;
            foreach (var window in covering)
            {
                window.Reserved -= reserved;
                window.Add(now, spent);
            }
        }
    }

    /// <summary>One budget's spend: a time-ordered queue of buckets pruned by the window, and the amount held in flight.</summary>
    internal sealed class BudgetWindow
    {
        // Rolling windows keep at most about this many buckets, so memory stays bounded whatever the call rate; spend
        // leaves the window at most Window/Buckets late (never early: the budget errs on the safe side).
        private const long Buckets = 1024;

        private readonly Queue<Bucket> _buckets = new();
        private readonly string? _provider;
        private readonly string? _modelRef;
        private readonly bool _calendarDay;
        private readonly long _windowTicks;
        private readonly long _bucketTicks;
        private decimal _spent;
        private Bucket? _newest;

        // The settings are copied: SpendBudget's setters must not change a running client's windows half-way.
        public BudgetWindow(SpendBudget budget, string? provider, string? modelRef)
        {
            Budget = budget;
            Limit = budget.LimitUsd;
            _provider = provider;
            _modelRef = modelRef;
            _calendarDay = budget.CalendarDay;
            _windowTicks = budget.Window.Ticks;
            _bucketTicks = _calendarDay ? TimeSpan.TicksPerDay : Math.Max(1, _windowTicks / Buckets);
            Description = budget.ToString();
        }

        public SpendBudget Budget { get; }

        public decimal Limit { get; }

        /// <summary>The budget as it was when the client was created (its scope, limit and window).</summary>
        public string Description { get; }

        public bool CalendarDay => _calendarDay;

        public decimal Reserved { get; set; }

        public bool Covers(ModelInfo model) =>
            (_provider is null || string.Equals(_provider, model.Provider, StringComparison.OrdinalIgnoreCase)) &&
            (_modelRef is null || ModelRefComparer.Instance.Equals(_modelRef, model.Ref));

        public decimal Held(long now)
        {
            Prune(now);
            return _spent + Reserved;
        }

        public void Add(long now, decimal amount)
        {
            if (amount == 0m)
            {
                return;
            }

            Prune(now);
            long index = now / _bucketTicks;
            _spent += amount;

            // A clock that steps back adds to the newest bucket: the queue stays time-ordered.
            if (_newest is not null && _buckets.Count > 0 && _newest.Index >= index)
            {
                _newest.Amount += amount;
                return;
            }

            _newest = new Bucket(index, amount);
            _buckets.Enqueue(_newest);
        }

        // Calendar windows start at 00:00 UTC of the first of their days; rolling ones at now − Window.
        private void Prune(long now)
        {
            long start = _calendarDay
                ? (now / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay) - (_windowTicks - TimeSpan.TicksPerDay)
                : now - _windowTicks;
            while (_buckets.Count > 0 && (_buckets.Peek().Index + 1) * _bucketTicks <= start)
            {
                _spent -= _buckets.Dequeue().Amount;
            }
        }
    }

    private sealed class Bucket
    {
        public Bucket(long index, decimal amount)
        {
            Index = index;
            Amount = amount;
        }

        public long Index { get; }

        public decimal Amount { get; set; }
    }
}

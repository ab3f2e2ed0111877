using System;
using System.Collections.Generic;
using System.Globalization;

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

    public BudgetTracker(IList<SpendBudget> budgets, Func<SpendBudget, string?> canonicalRef, bool unknownIsOver, Func<DateTimeOffset> clock)
    {
        _windows = new BudgetWindow[budgets.Count];
        for (int i = 0; i < _windows.Length; i++)
        {
            _windows[i] = new BudgetWindow(budgets[i], canonicalRef(budgets[i]));
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
        if (!cost.IsKnown)
        {
            return null;
        }

        decimal inputPrice = Math.Max(cost.Input, Math.Max(cost.CacheRead, cost.CacheWrite));
        return (requestBytes * inputPrice + maxOutputTokens * cost.Output) / 1_000_000m;
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
                        "the price is unknown, which counts as over " + window.Budget +
                        " (CatalogChatClientOptions.UnknownPriceIsOverBudget); " + PriceText.Usd(held) + " spent in this window");
                    return null;
                }

                if (held + amount > window.Budget.LimitUsd)
                {
                    refusal = new BudgetRefusal(model.Ref, window.Budget, held,
                        "over " + window.Budget + ": " + PriceText.Usd(held) + " spent in this window, this call may cost up to " +
                        PriceText.Usd(amount) + (window.Budget.CalendarDay ? " (resets at 00:00 UTC)" : string.Empty));
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

    /// <summary>USD spent plus held within <paramref name="budget"/>'s current window (for tests and diagnostics).</summary>
    public decimal Spent(SpendBudget budget)
    {
        lock (_gate)
        {
            long now = _clock().UtcTicks;
            foreach (var window in _windows)
            {
                if (ReferenceEquals(window.Budget, budget))
                {
                    return window.Held(now);
                }
            }
        }

        throw new ArgumentException("Not a budget of this client.", nameof(budget));
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
        private readonly string? _modelRef;
        private readonly long _bucketTicks;
        private decimal _spent;
        private Bucket? _newest;

        public BudgetWindow(SpendBudget budget, string? modelRef)
        {
            Budget = budget;
            _modelRef = modelRef;
            _bucketTicks = budget.CalendarDay ? TimeSpan.TicksPerDay : Math.Max(1, budget.Window.Ticks / Buckets);
        }

        public SpendBudget Budget { get; }

        public decimal Reserved { get; set; }

        public bool Covers(ModelInfo model) =>
            (Budget.Provider is null || string.Equals(Budget.Provider, model.Provider, StringComparison.OrdinalIgnoreCase)) &&
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
            long start = Budget.CalendarDay
                ? (now / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay) - (Budget.Window.Ticks - TimeSpan.TicksPerDay)
                : now - Budget.Window.Ticks;
            while (_buckets.Count > 0 && (_buckets.Peek().Index + 1) * _bucketTicks <= start)
            {
                _spent -= _buckets.Dequeue().Amount;
            }
        }

        public override string ToString() => Budget + ", " + _spent.ToString(CultureInfo.InvariantCulture) + " spent";
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

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Thread-safe running totals of tokens and cost per model ref. A <see cref="CatalogChatClient"/> records every
/// successful call in its <see cref="CatalogChatClient.Ledger"/>. Totals are exact under concurrency (decimal
/// sums under a per-model lock); calls with an unknown price are counted separately, never as $0.
/// </summary>
public sealed class CostLedger
{
    private readonly ConcurrentDictionary<string, Accumulator> _byModel = new(StringComparer.Ordinal);

    /// <summary>Records one call.</summary>
    /// <param name="modelRef">The canonical ref of the model that answered.</param>
    /// <param name="usage">Its usage, or <c>null</c> when the provider reported none.</param>
    /// <param name="cost">Its cost in USD, or <c>null</c> when the price is unknown.</param>
    public void Record(string modelRef, UsageDetails? usage, decimal? cost)
    {
        if (modelRef is null)
        {
            throw new ArgumentNullException(nameof(modelRef));
        }

        var accumulator = _byModel.GetOrAdd(modelRef, static key => new Accumulator(key));
        accumulator.Add(usage, cost);
    }

    /// <summary>The totals of one model (all zero when it has no calls).</summary>
    public CostLedgerEntry GetTotals([ModelRef] string modelRef) =>
        _byModel.TryGetValue(modelRef, out var accumulator) ? accumulator.Snapshot() : new Accumulator(modelRef).Snapshot();

    /// <summary>A snapshot of every model's totals, ordered by ref.</summary>
    public IReadOnlyList<CostLedgerEntry> Entries
    {
        get
        {
            var entries = new List<CostLedgerEntry>(_byModel.Count);
            foreach (var pair in _byModel)
            {
                entries.Add(pair.Value.Snapshot());
            }

            entries.Sort(static (a, b) => string.CompareOrdinal(a.ModelRef, b.ModelRef));
            return entries;
        }
    }

    /// <summary>USD of all priced calls.</summary>
    public decimal PricedCost
    {
        get
        {
            decimal total = 0m;
            foreach (var entry in Entries)
            {
                total += entry.PricedCost;
            }

            return total;
        }
    }

    /// <summary>USD of all calls, or <c>null</c> when any call's price is unknown.</summary>
    public decimal? TotalCost => UnpricedCalls == 0 ? PricedCost : null;

    /// <summary>All calls recorded.</summary>
    public long Calls => Sum(static e => e.Calls);

    /// <summary>Calls whose price is unknown.</summary>
    public long UnpricedCalls => Sum(static e => e.UnpricedCalls);

    /// <summary>Forgets every total.</summary>
    public void Reset() => _byModel.Clear();

    /// <summary>A short summary.</summary>
    public override string ToString() =>
        "CostLedger: " + Calls.ToString(CultureInfo.InvariantCulture) + " calls, " +
        PriceText.Usd(PricedCost) + " priced, " +
        UnpricedCalls.ToString(CultureInfo.InvariantCulture) + " unpriced";

    private long Sum(Func<CostLedgerEntry, long> selector)
    {
        long total = 0;
        foreach (var entry in Entries)
        {
            total += selector(entry);
        }

        return total;
    }

    private sealed class Accumulator
    {
        private readonly string _modelRef;
        private long _calls;
        private long _unpricedCalls;
        private long _input;
        private long _cached;
        private long _cacheWrite;
        private long _output;
        private long _reasoning;
        private decimal _cost;

        public Accumulator(string modelRef) => _modelRef = modelRef;

        public void Add(UsageDetails? usage, decimal? cost)
        {
            lock (this)
            {
                _calls++;
                if (cost is { } known)
                {
                    _cost += known;
                }
                else
                {
                    _unpricedCalls++;
                }

                if (usage is not null)
                {
                    _input += usage.InputTokenCount ?? 0;
                    _cached += usage.CachedInputTokenCount ?? 0;
                    _cacheWrite += UsageFactory.CacheWrite(usage);
                    _output += usage.OutputTokenCount ?? 0;
                    _reasoning += usage.ReasoningTokenCount ?? 0;
                }
            }
        }

        public CostLedgerEntry Snapshot()
        {
            lock (this)
            {
                return new CostLedgerEntry(_modelRef, _calls, _unpricedCalls, _input, _cached, _cacheWrite, _output, _reasoning, _cost);
            }
        }
    }
}

using System.Globalization;

namespace ModelCatalog;

/// <summary>Totals of one model in a <see cref="CostLedger"/> (an immutable snapshot).</summary>
public sealed class CostLedgerEntry
{
    internal CostLedgerEntry(
        string modelRef, long calls, long unpricedCalls, long inputTokens, long cachedInputTokens, long cacheWriteTokens,
        long outputTokens, long reasoningTokens, decimal pricedCost)
    {
        ModelRef = modelRef;
        Calls = calls;
        UnpricedCalls = unpricedCalls;
        InputTokens = inputTokens;
        CachedInputTokens = cachedInputTokens;
        CacheWriteTokens = cacheWriteTokens;
        OutputTokens = outputTokens;
        ReasoningTokens = reasoningTokens;
        PricedCost = pricedCost;
    }

    /// <summary>The canonical model ref.</summary>
    public string ModelRef { get; }

    /// <summary>Calls recorded (priced and unpriced).</summary>
    public long Calls { get; }

    /// <summary>Calls whose price is unknown (no <c>cost</c> in the catalog, synthetic models, no usage reported).</summary>
    public long UnpricedCalls { get; }

    /// <summary>All input tokens, cached included (the <c>UsageDetails.InputTokenCount</c> convention).</summary>
    public long InputTokens { get; }

    /// <summary>Input tokens read from the prompt cache.</summary>
    public long CachedInputTokens { get; }

    /// <summary>Input tokens written to the prompt cache.</summary>
    public long CacheWriteTokens { get; }

    /// <summary>Output tokens, reasoning included.</summary>
    public long OutputTokens { get; }

    /// <summary>Reasoning tokens (a part of <see cref="OutputTokens"/>), where the provider reports them.</summary>
    public long ReasoningTokens { get; }

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>USD of the priced calls only.</summary>
    public decimal PricedCost { get; }

    /// <summary>USD of all calls, or <c>null</c> when any call's price is unknown (never counted as $0).</summary>
    public decimal? Cost => UnpricedCalls == 0 ? PricedCost : null;

    /// <summary>A one-line summary (tokens and cost; no secrets).</summary>
    public override string ToString() =>
        ModelRef + ": " + Calls.ToString(CultureInfo.InvariantCulture) + " calls, " +
        InputTokens.ToString(CultureInfo.InvariantCulture) + " in / " + OutputTokens.ToString(CultureInfo.InvariantCulture) +
        " out tokens, " + PriceText.Usd(PricedCost) +
        (UnpricedCalls == 0 ? string.Empty : " + " + UnpricedCalls.ToString(CultureInfo.InvariantCulture) + " unpriced calls");
}

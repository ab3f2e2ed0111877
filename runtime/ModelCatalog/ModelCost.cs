using System;

namespace ModelCatalog;

/// <summary>
/// A model's prices in USD per 1,000,000 tokens. <see cref="Unknown"/> (no <c>cost</c> in models.yaml) is distinct
/// from free (<c>cost: {}</c> or all zeros): an unknown price is never silently counted as $0.
/// </summary>
public readonly struct ModelCost : IEquatable<ModelCost>
{
    private const decimal TokensPerUnit = 1_000_000m;

    /// <summary>Creates a known price. Every value is USD per 1,000,000 tokens and must not be negative.</summary>
    public ModelCost(decimal input, decimal output, decimal cacheRead = 0m, decimal cacheWrite = 0m)
    {
        ThrowIfNegative(input, nameof(input));
        ThrowIfNegative(output, nameof(output));
        ThrowIfNegative(cacheRead, nameof(cacheRead));
        ThrowIfNegative(cacheWrite, nameof(cacheWrite));
        Input = input;
        Output = output;
        CacheRead = cacheRead;
        CacheWrite = cacheWrite;
        IsKnown = true;
    }

    /// <summary>The price is not known (the catalog has no <c>cost</c> for the model).</summary>
    public static ModelCost Unknown => default;

    /// <summary>A known price of zero (local models, subscriptions).</summary>
    public static ModelCost Free => new(0m, 0m);

    /// <summary>USD per 1M uncached input tokens.</summary>
    public decimal Input { get; }

    /// <summary>USD per 1M output tokens (reasoning tokens included).</summary>
    public decimal Output { get; }

    /// <summary>USD per 1M input tokens read from the prompt cache.</summary>
    public decimal CacheRead { get; }

    /// <summary>USD per 1M input tokens written to the prompt cache.</summary>
    public decimal CacheWrite { get; }

    /// <summary><c>true</c> when the catalog states a price (possibly zero); <c>false</c> for <see cref="Unknown"/>.</summary>
    public bool IsKnown { get; }

    /// <summary>
    /// The cost in USD of one call: (uncached input × Input + output × Output + cache read × CacheRead +
    /// cache write × CacheWrite) / 1,000,000; <c>null</c> when the price is unknown. Allocates nothing.
    /// </summary>
    /// <param name="uncachedInput">Input tokens that were neither read from nor written to the cache.</param>
    /// <param name="output">Output tokens, reasoning included.</param>
    /// <param name="cacheRead">Input tokens read from the cache.</param>
    /// <param name="cacheWrite">Input tokens written to the cache.</param>
    public decimal? Compute(long uncachedInput, long output, long cacheRead = 0, long cacheWrite = 0)
    {
        if (!IsKnown)
        {
            return null;
        }

        return (uncachedInput * Input + output * Output + cacheRead * CacheRead + cacheWrite * CacheWrite) / TokensPerUnit;
    }

    /// <inheritdoc/>
    public bool Equals(ModelCost other) =>
        IsKnown == other.IsKnown && Input == other.Input && Output == other.Output &&
        CacheRead == other.CacheRead && CacheWrite == other.CacheWrite;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ModelCost other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = IsKnown ? 17 : 0;
            hash = hash * 31 + Input.GetHashCode();
            hash = hash * 31 + Output.GetHashCode();
            hash = hash * 31 + CacheRead.GetHashCode();
            return hash * 31 + CacheWrite.GetHashCode();
        }
    }

    /// <summary>
    /// "$0.30 in / $1.20 out / $0.03 cache read / $0.375 cache write per 1M tokens" (cache prices only when not zero), or
    /// "price unknown". Amounts use the same rule as the generated docs: at least two decimals, up to six significant
    /// digits, so a non-zero price never reads $0.00.
    /// </summary>
    public override string ToString() => IsKnown ? PriceText.PerMillion(Input, Output, CacheRead, CacheWrite) : "price unknown";

    /// <summary>Compares two prices by value.</summary>
    public static bool operator ==(ModelCost left, ModelCost right) => left.Equals(right);

    /// <summary>Compares two prices by value.</summary>
    public static bool operator !=(ModelCost left, ModelCost right) => !left.Equals(right);

    private static void ThrowIfNegative(decimal value, string name)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(name, value, "A price must not be negative.");
        }
    }
}

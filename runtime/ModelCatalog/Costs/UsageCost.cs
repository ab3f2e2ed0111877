using System;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Cost of one call from its <see cref="UsageDetails"/> (README.md, Usage and cost tracking):
/// uncached input = input − cached − cache writes; reasoning tokens are already part of output.
/// </summary>
internal static class UsageCost
{
    public static decimal? Compute(ModelCost cost, UsageDetails? usage)
    {
        if (!cost.IsKnown || usage is null)
        {
            return null;
        }

        long cacheRead = usage.CachedInputTokenCount ?? 0;
        long cacheWrite = UsageFactory.CacheWrite(usage);
        long uncached = Math.Max(0, (usage.InputTokenCount ?? 0) - cacheRead - cacheWrite);
        return cost.Compute(uncached, usage.OutputTokenCount ?? 0, cacheRead, cacheWrite);
    }
}

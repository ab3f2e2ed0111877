using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Builds <see cref="UsageDetails"/> the Microsoft.Extensions.AI way from each wire format (README.md, Usage and cost tracking):
/// input includes cached tokens, cache writes go to <c>AdditionalCounts["CacheCreationInputTokens"]</c>.
/// </summary>
internal static class UsageFactory
{
    public const string CacheCreationInputTokens = "CacheCreationInputTokens";

    /// <summary>Anthropic: <c>input_tokens</c> excludes cache reads and writes.</summary>
    public static UsageDetails FromAnthropic(long uncachedInput, long cacheRead, long cacheWrite, long output)
    {
        long input = uncachedInput + cacheRead + cacheWrite;
        var usage = new UsageDetails
        {
            InputTokenCount = input,
            CachedInputTokenCount = cacheRead,
            OutputTokenCount = output,
            TotalTokenCount = input + output,
        };
        if (cacheWrite > 0)
        {
            usage.AdditionalCounts = new AdditionalPropertiesDictionary<long> { [CacheCreationInputTokens] = cacheWrite };
        }

        return usage;
    }

    /// <summary>OpenAI Chat / Responses: the prompt count includes cached tokens and the output count includes reasoning.</summary>
    public static UsageDetails FromOpenAI(long input, long? cached, long output, long? reasoning, long? total) => new()
    {
        InputTokenCount = input,
        CachedInputTokenCount = cached,
        OutputTokenCount = output,
        ReasoningTokenCount = reasoning,
        TotalTokenCount = total ?? input + output,
    };

    public static long CacheWrite(UsageDetails usage) =>
        usage.AdditionalCounts is { } counts && counts.TryGetValue(CacheCreationInputTokens, out var value) ? value : 0;
}

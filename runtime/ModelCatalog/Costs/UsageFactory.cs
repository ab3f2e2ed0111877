using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Builds <see cref="UsageDetails"/> the Microsoft.Extensions.AI way from each wire format and its dialects
/// (README.md, Usage and cost tracking): input includes cached tokens, output includes reasoning, cache writes go to
/// <c>AdditionalCounts["CacheCreationInputTokens"]</c>. The one place that knows the usage dialects.
/// </summary>
internal static class UsageFactory
{
    public const string CacheCreationInputTokens = "CacheCreationInputTokens";

    /// <summary>Anthropic: <c>input_tokens</c> excludes cache reads and writes; <c>output_tokens</c> includes thinking.</summary>
    public static UsageDetails FromAnthropic(long uncachedInput, long cacheRead, long cacheWrite, long output, long? reasoning = null)
    {
        long input = uncachedInput + cacheRead + cacheWrite;
        var usage = new UsageDetails
        {
            InputTokenCount = input,
            CachedInputTokenCount = cacheRead,
            OutputTokenCount = output,
            ReasoningTokenCount = reasoning,
            TotalTokenCount = input + output,
        };
        if (cacheWrite > 0)
        {
            usage.AdditionalCounts = new AdditionalPropertiesDictionary<long> { [CacheCreationInputTokens] = cacheWrite };
        }

        return usage;
    }

    /// <summary>
    /// Anthropic's reasoning count, when a server reports it: <c>output_tokens_details.reasoning_tokens</c> (already
    /// part of <c>output_tokens</c>); <c>null</c> when absent.
    /// </summary>
    public static long? AnthropicReasoning(JsonElement usage) =>
        JsonHelpers.TryGetObject(usage, "output_tokens_details", out var details) ? JsonHelpers.GetInt64(details, "reasoning_tokens") : null;

    /// <summary>Chat Completions <c>usage</c> and its compatible dialects (see <see cref="FromOpenAIUsage"/>).</summary>
    public static UsageDetails FromChatCompletions(JsonElement usage) =>
        FromOpenAIUsage(usage, "prompt_tokens", "prompt_tokens_details", "completion_tokens", "completion_tokens_details");

    /// <summary>Responses <c>usage</c>: <c>input_tokens_details.cached_tokens</c>, <c>output_tokens_details.reasoning_tokens</c>.</summary>
    public static UsageDetails FromResponses(JsonElement usage) =>
        FromOpenAIUsage(usage, "input_tokens", "input_tokens_details", "output_tokens", "output_tokens_details");

    /// <summary>
    /// OpenAI-style usage (counts in tokens). Cached input: <c>{inputDetails}.cached_tokens</c> when present, else
    /// DeepSeek's <c>prompt_cache_hit_tokens</c>, else Moonshot's top-level <c>cached_tokens</c>; all are counted inside
    /// the input. Output: OpenAI counts reasoning inside it; some servers (xAI) leave it out, which the usage itself
    /// shows (README.md, Usage and cost tracking): <c>reasoning &gt; output</c> (impossible when included) or <c>total = input +
    /// output + reasoning</c>. Then the billed output is <c>output + reasoning</c>.
    /// </summary>
    private static UsageDetails FromOpenAIUsage(JsonElement usage, string inputName, string inputDetailsName, string outputName, string outputDetailsName)
    {
        long? cached = JsonHelpers.TryGetObject(usage, inputDetailsName, out var inputDetails) ? JsonHelpers.GetInt64(inputDetails, "cached_tokens") : null;
        long? cacheHit = JsonHelpers.GetInt64(usage, "prompt_cache_hit_tokens");
        cached ??= cacheHit ?? JsonHelpers.GetInt64(usage, "cached_tokens");
        long? reasoning = JsonHelpers.TryGetObject(usage, outputDetailsName, out var outputDetails) ? JsonHelpers.GetInt64(outputDetails, "reasoning_tokens") : null;

        // DeepSeek: prompt_tokens = hit + miss; a server that sends only the split still has an input count.
        long input = JsonHelpers.GetInt64(usage, inputName) ?? (cacheHit ?? 0) + (JsonHelpers.GetInt64(usage, "prompt_cache_miss_tokens") ?? 0);
        long output = JsonHelpers.GetInt64(usage, outputName) ?? 0;
        long? total = JsonHelpers.GetInt64(usage, "total_tokens");
        if (reasoning is > 0 && (reasoning > output || total == input + output + reasoning))
        {
            output += reasoning.Value;
        }

        return new UsageDetails
        {
            InputTokenCount = input,
            CachedInputTokenCount = cached,
            OutputTokenCount = output,
            ReasoningTokenCount = reasoning,
            TotalTokenCount = total ?? input + output,
        };
    }

    public static long CacheWrite(UsageDetails usage) =>
        usage.AdditionalCounts is { } counts && counts.TryGetValue(CacheCreationInputTokens, out var value) ? value : 0;
}

using System;
using System.Collections.Generic;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// One shared string for the scalars a catalog repeats thousands of times (keys, booleans, input kinds, api names).
/// The parser allocates a fresh string per scalar; keeping those alive in the tree makes the garbage collector promote
/// them, which for a 5,000-model catalog costs a noticeable share of the whole catalog pass.
/// </summary>
internal static class ScalarInterner
{
    private static readonly Dictionary<string, string> Known = Create(
        "id", "name", "api", "reasoning", "input", "cost", "contextWindow", "maxTokens", "headers", "output", "cacheRead", "cacheWrite",
        "baseUrl", "apiKey", "authHeader", "models", "providers", "mode", "merge", "replace", "text", "image", "true", "false",
        ApiNames.AnthropicMessages, ApiNames.OpenAICompletions, ApiNames.OpenAIResponses, "alias", "primary", "fallbacks", "agents", "defaults", "model",
        "env", "0", "1");

    /// <summary>The shared instance of <paramref name="value"/> when it is a common scalar; else <paramref name="value"/>.</summary>
    public static string Intern(string value) =>
        value.Length <= 18 && Known.TryGetValue(value, out var shared) ? shared : value;

    private static Dictionary<string, string> Create(params string[] values)
    {
        var map = new Dictionary<string, string>(values.Length, StringComparer.Ordinal);
        foreach (var value in values)
        {
            map[value] = value;
        }

        return map;
    }
}

using System;
using System.Collections.Generic;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// The key sets ModelCatalog knows completely (README.md, MC0002): an unknown key there is MC0002 with a did-you-mean.
/// "Accepted" keys are OpenClaw keys that are valid but not acted on (OpenClaw's config schema; <c>params</c>,
/// <c>streaming</c> and <c>agentRuntime</c> wherever OpenClaw configures a model); they pass silently, and MC0002's
/// did-you-mean and known-keys list draw from both sets.
/// </summary>
internal static class KnownKeys
{
    public static readonly HashSet<string> Models = Set("mode", "providers");
    public static readonly HashSet<string> ModelsAccepted = Set("bedrockDiscovery", "copilotDiscovery", "huggingfaceDiscovery", "ollamaDiscovery");

    public static readonly HashSet<string> Provider = Set("baseUrl", "api", "apiKey", "authHeader", "headers", "models");
    public static readonly HashSet<string> ProviderAccepted = Set("auth", "request", "injectNumCtxForOpenAICompat", "params", "streaming", "agentRuntime");

    public static readonly HashSet<string> Model = Set("id", "name", "api", "reasoning", "input", "cost", "contextWindow", "maxTokens", "headers");
    public static readonly HashSet<string> ModelAccepted = Set("contextTokens", "compat", "params", "streaming", "agentRuntime");

    public static readonly HashSet<string> Cost = Set("input", "output", "cacheRead", "cacheWrite");

    public static readonly HashSet<string> DefaultModel = Set("primary", "fallbacks");

    public static readonly HashSet<string> AllowEntry = Set("alias");
    public static readonly HashSet<string> AllowEntryAccepted = Set("params", "streaming", "agentRuntime");

    public static readonly HashSet<string> SecretRef = Set("source", "provider", "id");

    /// <summary>OpenClaw's api kinds; the first three are callable.</summary>
    public static readonly string[] ApiKinds = ApiNames.OpenClawKinds;

    /// <summary>True for the kinds CatalogChatClient speaks: the first three of <see cref="ApiKinds"/>.</summary>
    public static bool IsCallable(string api) => Array.IndexOf(ApiKinds, api) is >= 0 and < 3;

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}

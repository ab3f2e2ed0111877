using System;

namespace ModelCatalog;

/// <summary>
/// OpenClaw's token defaults and the clamp, in one place for the generator (catalog merge, MC0010), the runtime's
/// <see cref="CatalogBuilder"/> and its synthetic models (an unlisted id of a configured provider). Tokens, not characters.
/// Shared by the runtime and the generator (linked source); docs/architecture.md lists it.
/// </summary>
internal static class TokenLimits
{
    /// <summary><c>contextWindow</c> when models.yaml sets none: 200,000 tokens.</summary>
    public const int DefaultContextWindow = 200_000;

    /// <summary><c>maxTokens</c> when models.yaml sets none, before the clamp: 8,192 tokens.</summary>
    public const int DefaultMaxTokens = 8_192;

    /// <summary>The max output tokens a model gets: the set value, else <see cref="DefaultMaxTokens"/>, never above the context window.</summary>
    public static int EffectiveMaxTokens(int? maxTokens, int contextWindow) =>
        Math.Min(maxTokens ?? DefaultMaxTokens, contextWindow);

    /// <summary>Whether a set <c>maxTokens</c> exceeds the window and is clamped (MC0010 reports it where the user wrote it).</summary>
    public static bool IsClamped(int maxTokens, int contextWindow) => maxTokens > contextWindow;
}

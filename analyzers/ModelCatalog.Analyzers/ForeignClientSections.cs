using System;
using System.Collections.Generic;
using System.Text;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Evidence against a <c>…ModelId</c> configuration value being a catalog ref: a section (or the key's own prefix) named
/// after another service the catalog does not use — <c>"OpenRouter": { "ModelId": "minimax/minimax-m2.1" }</c>,
/// <c>"OllamaModelId"</c> — holds that service's settings, and the value is its id, read by its own client (README.md,
/// "Model refs in configuration files"). The configuration-file counterpart of an argument to another client's API in C#.
/// </summary>
internal static class ForeignClientSections
{
    // Client and SDK names that are no OpenClaw provider ids but commonly name configuration sections.
    private static readonly string[] ClientNames = { "openai", "azureopenai", "azureaiinference", "azureai", "anthropic", "bedrock", "gemini", "vertexai", "githubmodels" };

    private static readonly Dictionary<string, string> Services = CreateServices();

    /// <summary>
    /// Whether a segment of <paramref name="path"/> names a service other than <paramref name="provider"/> (the value's
    /// provider part) that <paramref name="use"/> says the catalog does not use. Names compare without case, <c>-</c>,
    /// <c>_</c>, <c>.</c> or spaces (<c>Open-Router</c>, <c>open_router</c>, <c>OpenRouter</c>).
    /// </summary>
    public static bool HoldsAnotherClient(string path, string provider, CatalogProviderUse use)
    {
        var segments = path.Split(':');
        string own = Normalize(provider);
        for (int i = 0; i < segments.Length; i++)
        {
            var key = segments[i];
            if (i == segments.Length - 1)
            {
                // The key itself: only its prefix names a service ("OpenRouterModelId").
                key = ConfigurationFile.IsModelIdKey(key) ? key.Substring(0, key.Length - ConfigurationFile.ModelIdSuffix.Length) : "";
            }

            var segment = Normalize(key);
            if (segment.Length > 0 && segment != own && Services.TryGetValue(segment, out var providerId) && !use.IsUsed(providerId))
            {
                return true;
            }
        }

        return false;
    }

    // Normalised service name -> the provider id the catalog would use for it (a client name stands for itself).
    private static Dictionary<string, string> CreateServices()
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in WellKnownProviders.Ids)
        {
            services[Normalize(id)] = id;
        }

        foreach (var name in ClientNames)
        {
            services[name] = name;
        }

        return services;
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

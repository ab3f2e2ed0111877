using ModelCatalog;

namespace Quickstart;

/// <summary>A copy of a catalog whose providers all point at the local stand-in (built with <see cref="CatalogBuilder"/>).</summary>
internal static class StandInCatalog
{
    public static Catalog RedirectTo(Catalog catalog, LocalStandInProvider standIn)
    {
        var builder = Catalog.CreateBuilder();
        foreach (var provider in catalog.Providers)
        {
            var baseUrl = provider.Api == ModelApi.AnthropicMessages ? standIn.AnthropicBaseUrl : standIn.OpenAIBaseUrl;
            builder.AddProvider(provider.Id, baseUrl, provider.ApiName, apiKey: "stand-in", authHeader: provider.AuthHeader);
            foreach (var model in provider.Models)
            {
                builder.AddModel(provider.Id, model.Id, model.Name, model.Cost.IsKnown ? model.Cost : null, model.ContextWindow,
                    model.MaxTokens, model.Reasoning, model.Input);
            }
        }

        foreach (var alias in catalog.Aliases)
        {
            builder.AddAlias(alias.Key, alias.Value);
        }

        if (catalog.Primary is not null)
        {
            builder.SetPrimary(catalog.Primary);
        }

        foreach (var fallback in catalog.Fallbacks)
        {
            builder.AddFallback(fallback);
        }

        return builder.Build();
    }
}

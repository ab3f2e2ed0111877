using System;
using ModelCatalog.Analyzers;
using ModelCatalog.Generator;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Chooses what a new provider block contains: a built-in provider's own values (the catalog is in replace mode, so
/// the built-in block has to be written out), else the well-known template, else a stub whose base URL and key come
/// from <c>${PROVIDER_BASE_URL}</c> and <c>${PROVIDER_API_KEY}</c>.
/// </summary>
internal static class ProviderTemplates
{
    public static ProviderTemplate For(string providerId)
    {
        foreach (var builtIn in CatalogCompiler.BuiltInCatalogOnly.Spec.Providers)
        {
            if (string.Equals(builtIn.Id, providerId, StringComparison.OrdinalIgnoreCase))
            {
                return new ProviderTemplate(builtIn.Id, builtIn.BaseUrl, builtIn.Api, builtIn.ApiKey, builtIn.AuthHeader);
            }
        }

        return WellKnownProviders.Find(providerId) ?? ProviderTemplate.Stub(providerId);
    }
}

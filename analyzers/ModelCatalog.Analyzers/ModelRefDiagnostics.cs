using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelCatalog.Analyzers.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>Builds MC1001–MC1004: message arguments that name the value and the fix, and the properties the code fixes read.</summary>
internal static class ModelRefDiagnostics
{
    public static Diagnostic CaseMismatch(Location location, string value, CatalogModel model, string? generatedNamespace) =>
        Diagnostic.Create(DiagnosticDescriptors.ModelRefCaseMismatch, location,
            Properties(DiagnosticProperties.Replacement, model.Ref, DiagnosticProperties.Constant, model.Constant, DiagnosticProperties.Namespace, generatedNamespace ?? string.Empty),
            value, model.Ref, model.Constant);

    /// <summary>MC1002 from the shared verdict: a missing provider, a typo of one (with the corrected ref), or a built-in provider replace mode left out.</summary>
    /// <param name="catalogName">The catalog file as messages name it (<c>models.yaml</c> when the project has none yet).</param>
    /// <param name="canAddBlock">
    /// <c>false</c> when the catalog is a referenced project's: the add-provider fix (which reads the provider and model
    /// properties) is then not offered, since it would start a second, different catalog here.
    /// </param>
    public static Diagnostic UnknownProvider(
        Location location, string value, string providerPart, string modelPart, ModelRefLookup lookup, string? catalogPath, string catalogName, bool canAddBlock = true)
    {
        var verdict = lookup.Judge(value);
        string detail;
        if (verdict.Kind == RefVerdictKind.ProviderExcludedByReplace)
        {
            detail = " (it is built in, but models.mode is replace, which keeps only the providers " + catalogName + " lists)";
        }
        else if (verdict.Kind == RefVerdictKind.ProviderTypo)
        {
            detail = " and is not built in" + verdict.ProviderDidYouMean();
        }
        else
        {
            detail = " and is not built in";
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (canAddBlock)
        {
            properties[DiagnosticProperties.Provider] = providerPart;
            properties[DiagnosticProperties.ModelId] = modelPart;
        }

        if (catalogPath is not null)
        {
            properties[DiagnosticProperties.CatalogPath] = catalogPath;
        }

        if (verdict.Kind == RefVerdictKind.ProviderTypo)
        {
            properties[DiagnosticProperties.Replacement] = verdict.ClearSuggestion ?? verdict.Provider + "/" + modelPart;
        }

        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownProvider, location, properties.ToImmutable(), value, providerPart, detail, catalogName);
    }

    /// <summary>MC1003 from the shared verdict: the provider has no such model; the did-you-mean the catalog validator gives too.</summary>
    public static Diagnostic UnknownModel(Location location, CatalogProvider provider, string modelPart, string catalogName)
    {
        var providerId = provider.Spec.Id;
        var verdict = provider.Judge.Judge(providerId + "/" + modelPart, RefForms.Alias);
        var message = "Provider '" + providerId + "' has no model '" + modelPart + "'" + verdict.DidYouMean() +
            "; fix the ref or add { id: " + modelPart + " } to models.providers." + providerId + ".models in " + catalogName;
        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownModel, location, Replacement(verdict), message);
    }

    /// <summary>A value in a [ModelRef] position that is neither a ref nor an alias: the catalog refs with that model id, else the closest aliases and refs.</summary>
    public static Diagnostic NotARef(Location location, string value, ModelRefLookup lookup)
    {
        var verdict = lookup.Judge(value);
        var message = "'" + value + "' is not a provider/model-id ref or an alias" + verdict.DidYouMean() +
            "; write provider/model-id or an alias defined in agents.defaults.models";
        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownModel, location, Replacement(verdict), message);
    }

    public static Diagnostic UseConstant(Location location, string value, CatalogModel model, string? generatedNamespace) =>
        Diagnostic.Create(DiagnosticDescriptors.UseModelIdsConstant, location,
            Properties(DiagnosticProperties.Constant, model.Constant, DiagnosticProperties.Namespace, generatedNamespace ?? string.Empty),
            value, model.Constant);

    private static ImmutableDictionary<string, string?> Replacement(RefVerdict verdict) =>
        verdict.ClearSuggestion is null ? ImmutableDictionary<string, string?>.Empty : Properties(DiagnosticProperties.Replacement, verdict.ClearSuggestion);

    private static ImmutableDictionary<string, string?> Properties(params string[] pairs)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            builder[pairs[i]] = pairs[i + 1];
        }

        return builder.ToImmutable();
    }
}

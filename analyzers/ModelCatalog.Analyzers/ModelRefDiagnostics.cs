using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>Builds MC1001–MC1004: message arguments that name the value and the fix, and the properties the code fixes read.</summary>
internal static class ModelRefDiagnostics
{
    public static Diagnostic CaseMismatch(Location location, string value, CatalogModel model, string? generatedNamespace) =>
        Diagnostic.Create(DiagnosticDescriptors.ModelRefCaseMismatch, location,
            Properties(DiagnosticProperties.Replacement, model.Ref, DiagnosticProperties.Constant, model.Constant, DiagnosticProperties.Namespace, generatedNamespace ?? string.Empty),
            value, model.Ref, model.Constant);

    /// <param name="catalogName">The catalog file as messages name it (<c>models.yaml</c> when the project has none yet).</param>
    public static Diagnostic UnknownProvider(
        Location location, string value, string providerPart, string modelPart, ModelRefLookup lookup, string? catalogPath, string catalogName)
    {
        string detail;
        string? replacement = null;
        if (lookup.IsBuiltInElsewhere(providerPart))
        {
            detail = " (it is built in, but models.mode is replace, which keeps only the providers " + catalogName + " lists)";
        }
        else if (lookup.SuggestProvider(providerPart) is { } suggestion)
        {
            detail = " and is not built in (did you mean '" + suggestion + "'?)";
            replacement = suggestion + "/" + modelPart;
        }
        else
        {
            detail = " and is not built in";
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.Provider] = providerPart;
        properties[DiagnosticProperties.ModelId] = modelPart;
        if (catalogPath is not null)
        {
            properties[DiagnosticProperties.CatalogPath] = catalogPath;
        }

        if (replacement is not null)
        {
            properties[DiagnosticProperties.Replacement] = replacement;
        }

        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownProvider, location, properties.ToImmutable(), value, providerPart, detail, catalogName);
    }

    public static Diagnostic UnknownModel(Location location, CatalogProvider provider, string modelPart, string catalogName)
    {
        var providerId = provider.Spec.Id;
        var nearest = ModelRefSuggestions.Nearest(modelPart, provider.ModelsById.Keys, out var clearlyNearest);
        var message = new StringBuilder()
            .Append("Provider '").Append(providerId).Append("' has no model '").Append(modelPart).Append('\'');
        AppendDidYouMean(message, nearest, providerId + "/");
        message.Append("; fix the ref or add { id: ").Append(modelPart).Append(" } to models.providers.").Append(providerId).Append(".models in ").Append(catalogName);
        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownModel, location,
            clearlyNearest is null ? ImmutableDictionary<string, string?>.Empty : Properties(DiagnosticProperties.Replacement, providerId + "/" + clearlyNearest),
            message.ToString());
    }

    /// <summary>A value in a [ModelRef] position that is neither a ref nor an alias: suggest an alias, or the one model with that bare id.</summary>
    public static Diagnostic NotARef(Location location, string value, ModelRefLookup lookup)
    {
        var suggestions = ModelRefSuggestions.Nearest(value, lookup.AliasNames, out var replacement);
        if (suggestions.Count == 0 && value.IndexOf('/') < 0)
        {
            var models = lookup.ModelsWithId(value);
            for (int i = 0; i < models.Count && i < ModelRefSuggestions.MaxListed; i++)
            {
                suggestions.Add(models[i].Ref);
            }

            replacement = models.Count == 1 ? models[0].Ref : null;
        }

        var message = new StringBuilder().Append('\'').Append(value).Append("' is not a provider/model-id ref or an alias");
        AppendDidYouMean(message, suggestions, prefix: string.Empty);
        message.Append("; write provider/model-id (e.g. minimax/MiniMax-M2.1) or an alias defined in agents.defaults.models");
        return Diagnostic.Create(DiagnosticDescriptors.ModelRefUnknownModel, location,
            replacement is null ? ImmutableDictionary<string, string?>.Empty : Properties(DiagnosticProperties.Replacement, replacement),
            message.ToString());
    }

    public static Diagnostic UseConstant(Location location, string value, CatalogModel model, string? generatedNamespace) =>
        Diagnostic.Create(DiagnosticDescriptors.UseModelIdsConstant, location,
            Properties(DiagnosticProperties.Constant, model.Constant, DiagnosticProperties.Namespace, generatedNamespace ?? string.Empty),
            value, model.Constant);

    private static void AppendDidYouMean(StringBuilder message, List<string> suggestions, string prefix)
    {
        if (suggestions.Count == 0)
        {
            return;
        }

        message.Append(" (did you mean ");
        for (int i = 0; i < suggestions.Count; i++)
        {
            message.Append(i == 0 ? "" : i == suggestions.Count - 1 ? " or " : ", ").Append('\'').Append(prefix).Append(suggestions[i]).Append('\'');
        }

        message.Append("?)");
    }

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

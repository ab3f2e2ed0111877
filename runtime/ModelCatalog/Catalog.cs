using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Linq;

namespace ModelCatalog;

/// <summary>
/// A resolved model catalog: providers, models, aliases, the primary model and its fallbacks. The generated
/// <c>GeneratedModelCatalog.Instance</c> is one; <see cref="CreateBuilder"/> makes others. Lookups are O(1) and
/// <see cref="Resolve"/> / <see cref="TryResolve"/> allocate nothing on success.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<string, ModelInfo> _modelsByRef;
    private readonly Dictionary<string, ProviderInfo> _providersById;
    private readonly Dictionary<string, string> _aliases;

    internal Catalog(
        IReadOnlyList<ProviderInfo> providers, Dictionary<string, string> aliases,
        IReadOnlyList<string> fallbacks, IReadOnlyCollection<string> allowlist)
    {
        Providers = providers;
        _providersById = new Dictionary<string, ProviderInfo>(providers.Count, StringComparer.OrdinalIgnoreCase);
        var models = new List<ModelInfo>();
        foreach (var provider in providers)
        {
            _providersById.Add(provider.Id, provider);
            models.AddRange(provider.Models);
        }

        Models = models.AsReadOnly();
        _modelsByRef = new Dictionary<string, ModelInfo>(models.Count, ModelRefComparer.Instance);
        foreach (var model in models)
        {
            _modelsByRef.Add(model.Ref, model);
        }

        // The builder fills the alias map after construction (targets are resolved through this catalog).
        _aliases = aliases;
        Aliases = new ReadOnlyDictionary<string, string>(aliases);
        Fallbacks = fallbacks;
        Allowlist = allowlist;
    }

    /// <summary>Every provider, in catalog order.</summary>
    public IReadOnlyList<ProviderInfo> Providers { get; }

    /// <summary>Every model of every provider, in catalog order.</summary>
    public IReadOnlyList<ModelInfo> Models { get; }

    /// <summary>Alias → canonical ref; aliases match case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>The canonical ref of <c>agents.defaults.model.primary</c>, or <c>null</c> when none is set.</summary>
    public string? Primary { get; internal set; }

    /// <summary>The canonical refs of <c>agents.defaults.model.fallbacks</c>, in order.</summary>
    public IReadOnlyList<string> Fallbacks { get; }

    /// <summary>The keys of <c>agents.defaults.models</c> (empty: every model is allowed).</summary>
    public IReadOnlyCollection<string> Allowlist { get; }

    /// <summary>Starts a catalog built in code (tests, dynamic setups).</summary>
    public static CatalogBuilder CreateBuilder() => new();

    /// <summary>
    /// Decodes the compact catalog data that the ModelCatalog source generator emits. Not meant to be called by
    /// hand; kept binary-compatible across package versions because generated code calls it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Catalog FromGeneratedData(string data) => CatalogData.Decode(data);

    /// <summary>Resolves a <c>provider/model-id</c> ref (provider ignoring case, model id exact) or an alias.</summary>
    /// <exception cref="UnknownModelException">The value names no catalog model; the message says why and how to fix it.</exception>
    public ModelInfo Resolve(string refOrAlias)
    {
        if (TryResolve(refOrAlias, out var model))
        {
            return model;
        }

        throw Explain(refOrAlias);
    }

    /// <summary>Like <see cref="Resolve"/>, without throwing.</summary>
    public bool TryResolve(string refOrAlias, out ModelInfo model)
    {
        if (refOrAlias is null)
        {
            throw new ArgumentNullException(nameof(refOrAlias));
        }

        if (_modelsByRef.TryGetValue(refOrAlias, out model!))
        {
            return true;
        }

        if (refOrAlias.IndexOf('/') < 0 && _aliases.TryGetValue(refOrAlias, out var target))
        {
            return _modelsByRef.TryGetValue(target, out model!);
        }

        model = null!;
        return false;
    }

    /// <summary>The provider with this id (ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No such provider.</exception>
    public ProviderInfo GetProvider(string id) =>
        TryGetProvider(id, out var provider)
            ? provider
            : throw new KeyNotFoundException("The catalog has no provider '" + id + "'.");

    /// <summary>
    /// The prices of provider <paramref name="id"/>'s models (ignoring case), in catalog order, as a new array: the tables
    /// behind the generated <c>ModelCosts</c> fields (USD per 1M tokens; <see cref="ModelCost.Unknown"/> where the catalog
    /// has no price). Generated code of every package version calls it: keep its signature.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such provider.</exception>
    public ModelCost[] CostsOf(string id)
    {
        var models = GetProvider(id).Models;
        var costs = new ModelCost[models.Count];
        for (int i = 0; i < costs.Length; i++)
        {
            costs[i] = models[i].Cost;
        }

        return costs;
    }

    /// <summary>Looks a provider up by id (ignoring case).</summary>
    public bool TryGetProvider(string id, out ProviderInfo provider) => _providersById.TryGetValue(id, out provider!);

    /// <summary>Builds the <see cref="UnknownModelException"/> that <see cref="Resolve"/> throws for <paramref name="value"/>.</summary>
    public UnknownModelException Explain(string value)
    {
        if (!ModelRefParts.TrySplit(value, out var providerId, out var modelId))
        {
            if (value.IndexOf('/') >= 0)
            {
                return new UnknownModelException(value, UnknownModelReason.UnknownAlias, null,
                    "Unknown model: " + value + ". A model ref is 'provider/model-id' with both parts non-empty.");
            }

            var aliasSuggestion = Suggestions.Closest(value, _aliases.Keys);
            var refSuggestion = aliasSuggestion is null ? Suggestions.Closest(value, Models.Select(m => m.Id)) : null;
            var suggestedRef = refSuggestion is null ? null : Models.First(m => m.Id == refSuggestion).Ref;
            var suggestion = aliasSuggestion ?? suggestedRef;
            return new UnknownModelException(value, UnknownModelReason.UnknownAlias, suggestion,
                "Unknown model: " + value + ". '" + value + "' is not an alias" + DidYouMean(suggestion) +
                " and not a 'provider/model-id' ref. Use a ref such as '" + (suggestedRef ?? (Models.Count > 0 ? Models[0].Ref : null) ?? "provider/model-id") +
                "' or add an alias under agents.defaults.models in models.yaml.");
        }

        if (!_providersById.TryGetValue(providerId, out var provider))
        {
            var suggestion = Suggestions.Closest(providerId, _providersById.Keys);
            return new UnknownModelException(value, UnknownModelReason.UnknownProvider, suggestion,
                "Unknown model: " + value + ". The catalog has no provider '" + providerId + "'" + DidYouMean(suggestion) +
                ". Add a provider block models.providers." + providerId + " to models.yaml" +
                (suggestion is null ? "." : ", or use '" + suggestion + "/" + modelId + "'."));
        }

        foreach (var candidate in provider.Models)
        {
            if (string.Equals(candidate.Id, modelId, StringComparison.OrdinalIgnoreCase))
            {
                return new UnknownModelException(value, UnknownModelReason.CaseMismatch, candidate.Ref,
                    "Unknown model: " + value + ". Model ids are case-sensitive: the catalog spells it '" + candidate.Ref +
                    "'. Use that spelling, or the generated ModelIds constant.");
            }
        }

        var closest = Suggestions.Closest(modelId, provider.Models.Select(m => m.Id));
        return new UnknownModelException(value, UnknownModelReason.UnknownModel, closest is null ? null : provider.Id + "/" + closest,
            "Unknown model: " + value + ". Provider '" + provider.Id + "' has no model '" + modelId + "'" +
            (closest is null ? "" : " (did you mean '" + provider.Id + "/" + closest + "'?)") +
            ". Add it to models.providers." + provider.Id + ".models in models.yaml, or use a listed model.");
    }

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : " (did you mean '" + suggestion + "'?)";
}

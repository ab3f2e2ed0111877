using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The catalog reduced to what checking a ref needs: an Ordinal dictionary of canonical refs (the common, valid case
/// costs one lookup), an OrdinalIgnoreCase dictionary for MC1001, providers and aliases ignoring case. Built from the
/// same <see cref="CompiledCatalog"/> the generator uses, once per catalog text (cached on the catalog instance, which
/// <see cref="CompiledCatalogCache"/> shares across compilations), and read-only afterwards so concurrent analyzer
/// actions need no locks.
/// </summary>
internal sealed class ModelRefLookup
{
    private static readonly ConditionalWeakTable<CompiledCatalog, ModelRefLookup> Cache = new();

    private readonly Dictionary<string, CatalogModel> _exactRefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogModel> _refsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CatalogProvider> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AliasSpec> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _builtInElsewhere = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unusable = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<Dictionary<string, List<CatalogModel>>> _byModelId;

    private ModelRefLookup(CompiledCatalog catalog)
    {
        foreach (var provider in catalog.Spec.Providers)
        {
            var entry = new CatalogProvider(provider);
            _providers[provider.Id] = entry;
            foreach (var model in provider.Models)
            {
                var catalogModel = new CatalogModel(provider.Id + "/" + model.Id, provider.Id, model.Id, "ModelIds." + provider.ClassName + "." + model.MemberName);
                entry.ModelsById[model.Id] = catalogModel;
                _exactRefs[catalogModel.Ref] = catalogModel;
                if (!_refsIgnoringCase.ContainsKey(catalogModel.Ref))
                {
                    _refsIgnoringCase.Add(catalogModel.Ref, catalogModel); // ordinally first spelling wins, as in the validator
                }
            }
        }

        foreach (var alias in catalog.Spec.Aliases)
        {
            _aliases[alias.Alias] = alias;
        }

        foreach (var diagnostic in catalog.Diagnostics)
        {
            HasSyntaxError |= diagnostic.Id == ModelCatalog.Generator.Diagnostics.DiagnosticIds.InvalidSyntax;
        }

        foreach (var id in catalog.UnusableProviders)
        {
            _unusable.Add(id);
        }

        // In replace mode the built-in providers are absent; remember them so MC1002 can say so and its fix can copy them.
        foreach (var builtIn in CatalogCompiler.BuiltInCatalogOnly.Spec.Providers)
        {
            if (!_providers.ContainsKey(builtIn.Id))
            {
                _builtInElsewhere.Add(builtIn.Id);
            }
        }

        _byModelId = new Lazy<Dictionary<string, List<CatalogModel>>>(IndexByModelId);
    }

    /// <summary>The lookup of <paramref name="catalog"/>, built on first use.</summary>
    public static ModelRefLookup For(CompiledCatalog catalog) => Cache.GetValue(catalog, static c => new ModelRefLookup(c));

    /// <summary>
    /// models.yaml could not be read (MC0001), so only the built-in catalog is known: a provider the file may well
    /// define must not be called missing (MC1002) until the file reads again.
    /// </summary>
    public bool HasSyntaxError { get; }

    /// <summary>Ids of the catalog's (valid) providers.</summary>
    public IEnumerable<string> ProviderIds => _providers.Keys;

    /// <summary>Judges one value (as written: refs are not trimmed at run time either).</summary>
    public ModelRefVerdict Classify(string value)
    {
        if (_exactRefs.TryGetValue(value, out var exact))
        {
            return new ModelRefVerdict(ModelRefKind.Valid, value, exact);
        }

        if (value.IndexOf('/') < 0)
        {
            return _aliases.TryGetValue(value, out var alias)
                ? new ModelRefVerdict(ModelRefKind.Alias, value, alias: alias)
                : new ModelRefVerdict(ModelRefKind.NotARef, value);
        }

        if (!ModelRefParts.TrySplit(value, out var providerPart, out var modelPart) || !LooksLikeProviderId(providerPart))
        {
            return new ModelRefVerdict(ModelRefKind.NotARef, value);
        }

        if (_providers.TryGetValue(providerPart, out var provider))
        {
            if (provider.ModelsById.TryGetValue(modelPart, out var model))
            {
                return new ModelRefVerdict(ModelRefKind.Valid, value, model); // provider part in another case: still valid
            }

            return _refsIgnoringCase.TryGetValue(provider.Spec.Id + "/" + modelPart, out var caseVariant)
                ? new ModelRefVerdict(ModelRefKind.CaseMismatch, value, caseVariant, provider)
                : new ModelRefVerdict(ModelRefKind.UnknownModel, value, provider: provider, providerPart: providerPart, modelPart: modelPart);
        }

        return _unusable.Contains(providerPart)
            ? new ModelRefVerdict(ModelRefKind.ProviderInError, value)
            : new ModelRefVerdict(ModelRefKind.UnknownProvider, value, providerPart: providerPart, modelPart: modelPart);
    }

    /// <summary>
    /// The cheap MC1001 test for any string constant: equal to a catalog ref ignoring case, yet not valid. One
    /// case-insensitive hash lookup for strings with a <c>/</c>, nothing at all for the rest.
    /// </summary>
    public bool IsCaseVariantOfRef(string value) =>
        value.IndexOf('/') > 0 && _refsIgnoringCase.ContainsKey(value) && Classify(value).Kind == ModelRefKind.CaseMismatch;

    /// <summary>True when a provider block exists (even one with errors) or the provider is built in.</summary>
    public bool KnowsProvider(string providerId) =>
        _providers.ContainsKey(providerId) || _unusable.Contains(providerId) || _builtInElsewhere.Contains(providerId);

    /// <summary>A built-in provider that the catalog leaves out (models.mode: replace).</summary>
    public bool IsBuiltInElsewhere(string providerId) => _builtInElsewhere.Contains(providerId);

    /// <summary>
    /// True when <paramref name="providerId"/> is within two edits of a catalog provider, and close enough for its length
    /// to be a typo of it (so "a/b" is not taken for "xai").
    /// </summary>
    public bool IsNearProvider(string providerId)
    {
        int limit = Math.Min(2, Suggestions.MaxDistance(providerId));
        foreach (var id in _providers.Keys)
        {
            if (Suggestions.Distance(providerId, id, limit) <= limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The catalog provider an unknown provider id is most likely a typo of.</summary>
    public string? SuggestProvider(string providerId)
    {
        int limit = Math.Min(2, Suggestions.MaxDistance(providerId));
        var closest = Suggestions.Closest(providerId, _providers.Keys);
        return closest is not null && Suggestions.Distance(providerId, closest, limit) <= limit ? closest : null;
    }

    /// <summary>Aliases, for the did-you-mean of a slash-free value.</summary>
    public IEnumerable<string> AliasNames => _aliases.Keys;

    /// <summary>Catalog models whose id equals <paramref name="modelId"/> ignoring case (a bare model id written without its provider).</summary>
    public IReadOnlyList<CatalogModel> ModelsWithId(string modelId) =>
        _byModelId.Value.TryGetValue(modelId, out var models) ? models : Array.Empty<CatalogModel>();

    /// <summary>
    /// Provider ids are letters, digits, '-', '.' and '_' (every id in models.dev is): "https://…", "C:/…" or
    /// "a b/c" are not refs, which keeps URLs and paths out of the diagnostics.
    /// </summary>
    private static bool LooksLikeProviderId(string providerPart)
    {
        foreach (char c in providerPart)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private Dictionary<string, List<CatalogModel>> IndexByModelId()
    {
        var index = new Dictionary<string, List<CatalogModel>>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in _providers.Values)
        {
            foreach (var model in provider.ModelsById.Values)
            {
                if (!index.TryGetValue(model.ModelId, out var list))
                {
                    index.Add(model.ModelId, list = new List<CatalogModel>(1));
                }

                list.Add(model);
            }
        }

        return index;
    }
}

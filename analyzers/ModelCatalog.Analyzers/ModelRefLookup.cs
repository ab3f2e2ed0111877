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
    private readonly RefJudge _judge = new();

    private ModelRefLookup(CompiledCatalog catalog)
    {
        foreach (var provider in catalog.Spec.Providers)
        {
            var entry = new CatalogProvider(provider, _judge);
            _providers[provider.Id] = entry;
            _judge.AddProvider(provider.Id, ModelIdsOf(provider));
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
            _judge.AddAlias(alias.Alias, alias.Ref);
        }

        foreach (var diagnostic in catalog.Diagnostics)
        {
            HasSyntaxError |= diagnostic.Id == ModelCatalog.Generator.Diagnostics.DiagnosticIds.InvalidSyntax;
        }

        foreach (var id in catalog.UnusableProviders)
        {
            _judge.AddProviderInError(id);
        }

        // In replace mode the built-in providers are absent; remember them so MC1002 can say so and its fix can copy them.
        foreach (var id in catalog.Spec.ExcludedBuiltIns)
        {
            _judge.AddExcludedBuiltIn(id);
        }
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

    /// <summary>
    /// Judges one value (as written: refs are not trimmed at run time either). A valid ref costs one lookup; everything
    /// else goes to the shared <see cref="RefJudge"/>, the one verdict the catalog validator and the runtime use too.
    /// </summary>
    public ModelRefVerdict Classify(string value)
    {
        if (_exactRefs.TryGetValue(value, out var exact))
        {
            return new ModelRefVerdict(ModelRefKind.Valid, value, exact);
        }

        var verdict = _judge.Judge(value, RefForms.Alias, rankNotARef: false);
        switch (verdict.Kind)
        {
            case RefVerdictKind.Ok:
                var provider = _providers[verdict.Provider!];
                return new ModelRefVerdict(ModelRefKind.Valid, value, provider.ModelsById[verdict.ModelPart!], provider, shared: verdict); // provider part in another case
            case RefVerdictKind.Alias:
                return new ModelRefVerdict(ModelRefKind.Alias, value, alias: _aliases[value], shared: verdict);
            case RefVerdictKind.CaseVariant:
                return new ModelRefVerdict(ModelRefKind.CaseMismatch, value, _exactRefs[verdict.CanonicalRef!], _providers[verdict.Provider!], shared: verdict);
            case RefVerdictKind.UnknownModel:
                return new ModelRefVerdict(ModelRefKind.UnknownModel, value, provider: _providers[verdict.Provider!],
                    providerPart: verdict.ProviderPart, modelPart: verdict.ModelPart, shared: verdict);
            case RefVerdictKind.ProviderMissing:
            case RefVerdictKind.ProviderTypo:
            case RefVerdictKind.ProviderExcludedByReplace:
                return new ModelRefVerdict(ModelRefKind.UnknownProvider, value, providerPart: verdict.ProviderPart, modelPart: verdict.ModelPart, shared: verdict);
            case RefVerdictKind.ProviderInError:
                return new ModelRefVerdict(ModelRefKind.ProviderInError, value, shared: verdict);
            case RefVerdictKind.HasVariable:
                return new ModelRefVerdict(ModelRefKind.ResolvedAtRunTime, value, shared: verdict);
            default:
                return new ModelRefVerdict(ModelRefKind.NotARef, value, shared: verdict);
        }
    }

    /// <summary>The shared verdict on <paramref name="value"/>, for the messages of MC1002/MC1003.</summary>
    public RefVerdict Judge(string value) => _judge.Judge(value, RefForms.Alias);

    /// <summary>
    /// The cheap MC1001 test for any string constant: equal to a catalog ref ignoring case, yet not valid. One
    /// case-insensitive hash lookup for strings with a <c>/</c>, nothing at all for the rest.
    /// </summary>
    public bool IsCaseVariantOfRef(string value) =>
        value.IndexOf('/') > 0 && _refsIgnoringCase.ContainsKey(value) && Classify(value).Kind == ModelRefKind.CaseMismatch;

    /// <summary>True when a provider block exists (even one with errors) or the provider is built in.</summary>
    public bool KnowsProvider(string providerId) =>
        _providers.ContainsKey(providerId) || _judge.IsProviderInError(providerId) || _judge.IsExcludedBuiltIn(providerId);

    /// <summary>A built-in provider that the catalog leaves out (models.mode: replace).</summary>
    public bool IsBuiltInElsewhere(string providerId) => _judge.IsExcludedBuiltIn(providerId);

    /// <summary>
    /// True when <paramref name="providerId"/> is within two edits of a catalog provider, and close enough for its length
    /// to be a typo of it (so "a/b" is not taken for "xai").
    /// </summary>
    public bool IsNearProvider(string providerId) => _providers.ContainsKey(providerId) || _judge.ProviderTypoOf(providerId) is not null;

    private static IEnumerable<string> ModelIdsOf(ProviderSpec provider)
    {
        foreach (var model in provider.Models)
        {
            yield return model.Id;
        }
    }
}

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
    private RefJudge? _judge;

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

    /// <summary>
    /// Environment aliases: the <c>env:</c> entries of models.yaml whose value is a <c>${OTHER}</c> reference, as variable
    /// name → reference as written (<c>ANTHROPIC_API_KEY</c> → <c>${ANTHROPIC_API_KEY_CO}</c>). Wherever a
    /// <c>${NAME}</c> in an apiKey, baseUrl or header value is resolved and NAME itself is not set (or empty), the
    /// client's <see cref="ISecretResolver"/> is asked for the alias's variables instead (README.md, "Environment aliases"; chains are followed up
    /// to 8 steps). Only references are kept: literal <c>env:</c> values are secrets and are never compiled in (MC0006).
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentAliases { get; internal set; } = ProviderInfo.NoAliases;

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
    public ModelInfo Resolve([ModelRef] string refOrAlias)
    {
        if (TryResolve(refOrAlias, out var model))
        {
            return model;
        }

        throw Explain(refOrAlias);
    }

    /// <summary>Like <see cref="Resolve"/>, without throwing.</summary>
    public bool TryResolve([ModelRef] string refOrAlias, out ModelInfo model)
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

    /// <summary>
    /// Explains why <paramref name="value"/> does not resolve: the <see cref="UnknownModelException"/> that
    /// <see cref="Resolve"/> throws, with the reason, the catalog's closest refs or aliases (the same did-you-mean the build
    /// gives for the same ref) and the fix. Call it only for a value that does not resolve.
    /// </summary>
    public UnknownModelException Explain([ModelRef] string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var verdict = Judge.Judge(value, RefForms.Alias);
        var message = "Unknown model: " + value + ". ";
        switch (verdict.Kind)
        {
            case RefVerdictKind.CaseVariant:
                return Unknown(verdict, UnknownModelReason.CaseMismatch, message + "Model ids are case-sensitive: the catalog spells it '" +
                    verdict.CanonicalRef + "'. Use that spelling, or the generated ModelIds constant.");
            case RefVerdictKind.UnknownModel:
                return Unknown(verdict, UnknownModelReason.UnknownModel, message + "Provider '" + verdict.Provider + "' has no model '" + verdict.ModelPart + "'" +
                    verdict.DidYouMean() + ". Add it to models.providers." + verdict.Provider + ".models in models.yaml, or use a listed model.");
            case RefVerdictKind.ProviderExcludedByReplace:
                return Unknown(verdict, UnknownModelReason.BuiltInProviderExcluded, message + "Provider '" + verdict.Provider +
                    "' is built in, but models.mode is replace, which keeps only the providers models.yaml lists. Add models.providers." +
                    verdict.Provider + " to models.yaml, or use models.mode: merge.");
            case RefVerdictKind.ProviderTypo:
                return Unknown(verdict, UnknownModelReason.UnknownProvider, message + "The catalog has no provider '" + verdict.ProviderPart + "'" +
                    verdict.ProviderDidYouMean() +
                    ". Fix the provider, or add models.providers." + verdict.ProviderPart + " to models.yaml.");
            case RefVerdictKind.ProviderMissing:
            case RefVerdictKind.ProviderInError:
                return Unknown(verdict, UnknownModelReason.UnknownProvider, message + "The catalog has no provider '" + verdict.ProviderPart +
                    "'. Add a provider block models.providers." + verdict.ProviderPart + " to models.yaml.");
            case RefVerdictKind.HasVariable:
                return Unknown(verdict, UnknownModelReason.UnresolvedVariable, message + "It holds a ${VAR} reference, which only a CatalogChatClient " +
                    "resolves (through its SecretResolver); resolve the variable first, or request the model through the client.");
            case RefVerdictKind.Ok:
            case RefVerdictKind.Alias:
                // The value resolves (an alias whose target the builder could not resolve is reported by the builder).
                return Unknown(verdict, UnknownModelReason.UnknownAlias, message + "The value names a catalog model; nothing to explain.");
            default:
                return Unknown(verdict, UnknownModelReason.UnknownAlias, message + "'" + value + "' is not a 'provider/model-id' ref or an alias" +
                    verdict.DidYouMean() + ". Write provider/model-id, or add an alias under agents.defaults.models in models.yaml.");
        }
    }

    /// <summary>
    /// The ref an alias or ref stands for with its <c>${VAR}</c> references filled in by <paramref name="secrets"/>
    /// (README.md, MC0015); a value without references is returned as is, so the common case allocates nothing.
    /// </summary>
    /// <exception cref="UnknownModelException">A referenced variable is not set (<see cref="UnknownModelReason.UnresolvedVariable"/>).</exception>
    internal string ExpandVariables(string refOrAlias, ISecretResolver secrets)
    {
        var value = refOrAlias.IndexOf('/') < 0 && _aliases.TryGetValue(refOrAlias, out var target) ? target : refOrAlias;
        if (value.IndexOf('$') < 0)
        {
            return refOrAlias;
        }

        var expanded = ProviderSecrets.TryExpand(value, secrets, EnvironmentAliases, out var missing);
        if (expanded is null)
        {
            throw new UnknownModelException(refOrAlias, UnknownModelReason.UnresolvedVariable, null,
                "Unknown model: " + refOrAlias + ". The model ref '" + value + "' reads the variable " + missing +
                ", which is not set; set it (or make the client's SecretResolver supply it) to the model to use.")
            {
                Verdict = RefVerdictKind.HasVariable,
            };
        }

        return expanded;
    }

    /// <summary>The ref judge over this catalog, built on the first failed lookup (successful lookups never need it).</summary>
    private RefJudge Judge
    {
        get
        {
            var judge = _judge;
            if (judge is null)
            {
                judge = new RefJudge();
                foreach (var provider in Providers)
                {
                    judge.AddProvider(provider.Id, provider.Models.Select(m => m.Id));
                }

                foreach (var alias in _aliases)
                {
                    judge.AddAlias(alias.Key, alias.Value);
                }

                foreach (var excluded in ExcludedBuiltIns)
                {
                    judge.AddExcludedBuiltIn(excluded);
                }

                _judge = judge; // a race builds two equal judges; the reference write is atomic
            }

            return judge;
        }
    }

    /// <summary>Built-in providers that models.mode: replace left out (from the generated data).</summary>
    internal IReadOnlyList<string> ExcludedBuiltIns { get; set; } = Array.Empty<string>();

    private static UnknownModelException Unknown(RefVerdict verdict, UnknownModelReason reason, string message) =>
        new(verdict.Value, reason, verdict.ClearSuggestion ?? (verdict.Suggestions.Count > 0 ? verdict.Suggestions[0] : null), message)
        {
            Suggestions = verdict.Suggestions,
            Verdict = verdict.Kind,
        };
}

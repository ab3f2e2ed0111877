using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ModelCatalog;

/// <summary>
/// Builds a <see cref="Catalog"/> in code, with the same rules as models.yaml: provider ids unique ignoring case,
/// model ids unique per provider, <c>name</c> defaulting to the id, <c>maxTokens</c> defaulting to
/// min(8192, contextWindow) and clamped to it, aliases matching ignoring case.
/// </summary>
public sealed class CatalogBuilder
{
    /// <summary>The default context window, as in OpenClaw.</summary>
    public const int DefaultContextWindow = TokenLimits.DefaultContextWindow;

    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    private readonly List<ProviderDraft> _providers = new();
    private readonly Dictionary<string, ProviderDraft> _providersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _fallbacks = new();
    private readonly List<string> _allowlist = new();
    private readonly Dictionary<string, string> _environmentAliases = new(StringComparer.Ordinal);
    private readonly List<string> _excludedBuiltIns = new();
    private string? _primary;

    internal CatalogBuilder()
    {
    }

    /// <summary>Adds a provider.</summary>
    /// <param name="id">Provider id, unique ignoring case.</param>
    /// <param name="baseUrl">Base URL; may hold <c>${VAR}</c> references.</param>
    /// <param name="api">Wire protocol.</param>
    /// <param name="apiKey">A <c>${VAR}</c> reference (resolved at run time) or a key.</param>
    /// <param name="authHeader">Send the key as <c>Authorization: Bearer</c> on <c>anthropic-messages</c>.</param>
    /// <param name="headers">Extra request headers; values may hold <c>${VAR}</c> references.</param>
    public CatalogBuilder AddProvider(
        string id, string baseUrl, ModelApi api, string? apiKey = null, bool authHeader = false,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var apiName = ModelApiNames.ToName(api) ?? throw new ArgumentException(
            "Use AddProvider with an api name for kinds other than the three callable ones.", nameof(api));
        return AddProvider(id, baseUrl, apiName, apiKey, authHeader, headers);
    }

    /// <summary>Adds a provider whose <c>api</c> is given by name (any of OpenClaw's kinds).</summary>
    public CatalogBuilder AddProvider(
        string id, string baseUrl, string apiName, string? apiKey = null, bool authHeader = false,
        IReadOnlyDictionary<string, string>? headers = null) =>
        AddProviderCore(id, baseUrl, apiName, apiKey, authHeader, headers, isApiKeyOmitted: false);

    internal CatalogBuilder AddProviderCore(
        string id, string baseUrl, string apiName, string? apiKey, bool authHeader,
        IReadOnlyDictionary<string, string>? headers, bool isApiKeyOmitted, bool isKeyless = false)
    {
        RequireText(id, nameof(id));
        if (id.IndexOf('/') >= 0)
        {
            throw new ArgumentException("A provider id cannot contain '/'.", nameof(id));
        }

        RequireText(baseUrl, nameof(baseUrl));
        RequireText(apiName, nameof(apiName));
        if (_providersById.ContainsKey(id))
        {
            throw new ArgumentException("Duplicate provider '" + id + "' (provider ids are unique ignoring case).", nameof(id));
        }

        var draft = new ProviderDraft(new ProviderInfo(id, baseUrl, ModelApiNames.Parse(apiName), apiName,
            string.IsNullOrEmpty(apiKey) ? null : apiKey, authHeader, Freeze(headers), isApiKeyOmitted, isKeyless));
        _providers.Add(draft);
        _providersById.Add(id, draft);
        return this;
    }

    /// <summary>Adds a model to a provider added before.</summary>
    /// <param name="provider">The provider id (ignoring case).</param>
    /// <param name="id">Model id, case-sensitive, unique in the provider.</param>
    /// <param name="name">Display name; defaults to <paramref name="id"/>.</param>
    /// <param name="cost">Prices; <c>null</c> = unknown (not free).</param>
    /// <param name="contextWindow">Context window in tokens (&gt; 0).</param>
    /// <param name="maxTokens">Max output tokens; defaults to min(8192, contextWindow); clamped to the window.</param>
    /// <param name="reasoning">Whether the model reasons.</param>
    /// <param name="input">Accepted input kinds.</param>
    /// <param name="api">Overrides the provider's protocol.</param>
    /// <param name="headers">Per-model header overrides.</param>
    public CatalogBuilder AddModel(
        string provider, string id, string? name = null, ModelCost? cost = null, int contextWindow = DefaultContextWindow,
        int? maxTokens = null, bool reasoning = false, ModelInput input = ModelInput.Text, ModelApi? api = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        string? apiName = null;
        if (api is { } explicitApi)
        {
            apiName = ModelApiNames.ToName(explicitApi) ?? throw new ArgumentException("Only callable kinds can be set here.", nameof(api));
        }

        return AddModelCore(provider, id, name, cost ?? ModelCost.Unknown, contextWindow, maxTokens, reasoning, input, apiName, headers);
    }

    internal CatalogBuilder AddModelCore(
        string provider, string id, string? name, ModelCost cost, int contextWindow, int? maxTokens, bool reasoning,
        ModelInput input, string? apiName, IReadOnlyDictionary<string, string>? headers)
    {
        RequireText(id, nameof(id));
        if (!_providersById.TryGetValue(provider, out var draft))
        {
            throw new ArgumentException("Add provider '" + provider + "' before its models.", nameof(provider));
        }

        if (contextWindow <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(contextWindow), contextWindow, "The context window must be positive.");
        }

        if (maxTokens is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, "Max tokens must be positive.");
        }

        if (!draft.ModelIds.Add(id))
        {
            throw new ArgumentException("Duplicate model '" + id + "' in provider '" + draft.Info.Id + "'.", nameof(id));
        }

        var info = draft.Info;
        var effectiveApiName = apiName ?? info.ApiName;
        draft.Models.Add(new ModelInfo(info.Id, id, string.IsNullOrEmpty(name) ? id : name!,
            ModelApiNames.Parse(effectiveApiName), effectiveApiName, reasoning, input == ModelInput.None ? ModelInput.Text : input,
            cost, contextWindow, TokenLimits.EffectiveMaxTokens(maxTokens, contextWindow), Freeze(headers), isSynthetic: false));
        return this;
    }

    /// <summary>Adds an alias (matched ignoring case, only for input without <c>/</c>).</summary>
    public CatalogBuilder AddAlias(string alias, [ModelRef] string modelRef)
    {
        RequireText(alias, nameof(alias));
        RequireText(modelRef, nameof(modelRef));
        if (alias.IndexOf('/') >= 0)
        {
            throw new ArgumentException("An alias cannot contain '/'.", nameof(alias));
        }

        if (_aliases.ContainsKey(alias))
        {
            throw new ArgumentException("Duplicate alias '" + alias + "' (aliases are unique ignoring case).", nameof(alias));
        }

        _aliases.Add(alias, modelRef);
        return this;
    }

    /// <summary>Sets the primary model (a ref or an alias; a ref holding <c>${VAR}</c> is resolved by the chat client at request time).</summary>
    public CatalogBuilder SetPrimary([ModelRef] string refOrAlias)
    {
        RequireText(refOrAlias, nameof(refOrAlias));
        _primary = refOrAlias;
        return this;
    }

    /// <summary>Appends a fallback model (a ref or an alias; a ref holding <c>${VAR}</c> is resolved by the chat client at request time).</summary>
    public CatalogBuilder AddFallback([ModelRef] string refOrAlias)
    {
        RequireText(refOrAlias, nameof(refOrAlias));
        _fallbacks.Add(refOrAlias);
        return this;
    }

    /// <summary>
    /// Adds a ref to the allowlist (<c>agents.defaults.models</c>): <c>provider/model-id</c>, or <c>provider/*</c> for every model
    /// of that provider.
    /// </summary>
    public CatalogBuilder Allow(string modelRef)
    {
        RequireText(modelRef, nameof(modelRef));
        _allowlist.Add(modelRef);
        return this;
    }

    /// <summary>
    /// Adds an environment alias, as an <c>env:</c> entry of models.yaml does: when <c>${<paramref name="name"/>}</c> is
    /// resolved and that variable is not set, <paramref name="reference"/> is resolved instead (see
    /// <see cref="Catalog.EnvironmentAliases"/>).
    /// </summary>
    /// <param name="name">The variable name, <c>[A-Z_][A-Z0-9_]*</c>, e.g. <c>ANTHROPIC_API_KEY</c>.</param>
    /// <param name="reference">A value holding <c>${OTHER}</c> references, e.g. <c>${ANTHROPIC_API_KEY_CO}</c>; never a literal value.</param>
    /// <exception cref="ArgumentException">The name is not a variable name, the reference holds no <c>${...}</c>, or the name was added before.</exception>
    public CatalogBuilder AddEnvironmentAlias(string name, string reference)
    {
        RequireText(name, nameof(name));
        RequireText(reference, nameof(reference));
        if (!VariableReferences.IsName(name))
        {
            throw new ArgumentException("'" + name + "' is not a variable name ([A-Z_][A-Z0-9_]*), so no ${...} can reference it.", nameof(name));
        }

        if (!VariableReferences.ContainsReference(reference))
        {
            // The value is not echoed: it may be a secret passed by mistake.
            throw new ArgumentException("The alias of " + name + " must hold a ${VAR} reference; literal values are secrets and are not kept in a catalog.", nameof(reference));
        }

        if (_environmentAliases.ContainsKey(name))
        {
            throw new ArgumentException("Duplicate environment alias '" + name + "'.", nameof(name));
        }

        _environmentAliases.Add(name, reference);
        return this;
    }

    /// <summary>Records a built-in provider that <c>models.mode: replace</c> left out, so messages about its refs can say so.</summary>
    internal CatalogBuilder ExcludeBuiltIn(string providerId)
    {
        _excludedBuiltIns.Add(providerId);
        return this;
    }

    /// <summary>Builds the catalog; aliases, primary and fallbacks must name catalog models.</summary>
    /// <exception cref="UnknownModelException">An alias, the primary or a fallback names no catalog model.</exception>
    public Catalog Build()
    {
        var environmentAliases = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(_environmentAliases, StringComparer.Ordinal));
        var providers = new ProviderInfo[_providers.Count];
        for (int i = 0; i < providers.Length; i++)
        {
            providers[i] = _providers[i].Info;
            providers[i].Models = _providers[i].Models.ToArray();
            providers[i].EnvironmentAliases = environmentAliases;
        }

        // One catalog, one index: alias targets, the primary and fallbacks are resolved against it after it is made.
        var aliases = new Dictionary<string, string>(_aliases.Count, StringComparer.OrdinalIgnoreCase);
        var fallbacks = new List<string>(_fallbacks.Count);
        var allowlist = new List<string>(_allowlist.Count);
        var catalog = new Catalog(providers, aliases, fallbacks.AsReadOnly(), allowlist.AsReadOnly()) { ExcludedBuiltIns = _excludedBuiltIns.ToArray() };
        foreach (var alias in _aliases)
        {
            if (alias.Value.IndexOf('/') < 0)
            {
                throw catalog.Explain(alias.Value);
            }

            aliases.Add(alias.Key, Canonical(catalog, alias.Value));
        }

        foreach (var fallback in _fallbacks)
        {
            fallbacks.Add(Canonical(catalog, fallback));
        }

        foreach (var allowed in _allowlist)
        {
            allowlist.Add(catalog.TryResolve(allowed, out var model) ? model.Ref : allowed);
        }

        catalog.Primary = _primary is null ? null : Canonical(catalog, _primary);
        catalog.EnvironmentAliases = environmentAliases;
        return catalog;
    }

    /// <summary>The canonical ref of a ref or alias; a ref holding <c>${VAR}</c> is kept as written (README.md, MC0015: resolved at run time).</summary>
    private static string Canonical(Catalog catalog, string refOrAlias) =>
        VariableReferences.ContainsReference(refOrAlias) ? refOrAlias : catalog.Resolve(refOrAlias).Ref;

    private static IReadOnlyDictionary<string, string> Freeze(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return NoHeaders;
        }

        var copy = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value;
        }

        return new ReadOnlyDictionary<string, string>(copy);
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A value is required.", name);
        }
    }

    private sealed class ProviderDraft
    {
        public ProviderDraft(ProviderInfo info) => Info = info;

        public ProviderInfo Info { get; }

        public List<ModelInfo> Models { get; } = new();

        public HashSet<string> ModelIds { get; } = new(StringComparer.Ordinal);
    }
}

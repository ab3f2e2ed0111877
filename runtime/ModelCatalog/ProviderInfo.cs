using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>One provider of the catalog: <c>models.providers.&lt;id&gt;</c> after merging.</summary>
public sealed class ProviderInfo
{
    private IReadOnlyList<ModelInfo> _models = System.Array.Empty<ModelInfo>();

    internal ProviderInfo(
        string id, string baseUrl, ModelApi api, string apiName, string? apiKey, bool authHeader,
        IReadOnlyDictionary<string, string> headers, bool isApiKeyOmitted, bool isKeyless = false)
    {
        Id = id;
        BaseUrl = baseUrl;
        Api = api;
        ApiName = apiName;
        AuthHeader = authHeader;
        Headers = headers;
        IsApiKeyOmitted = isApiKeyOmitted;
        IsLoopback = LoopbackUrl.IsLoopback(baseUrl);

        // Implicit key (README.md, "Implicit keys"; OpenClaw's environment auth): a remote provider without apiKey reads ${<ID>_API_KEY},
        // so a missing key is an error naming that variable, never an unauthenticated request. This constructor is the
        // one place the rule lives: generated catalogs are decoded through CatalogBuilder like hand-built ones.
        // OpenClaw's no-key markers (ollama-local, custom-local, …) say there is deliberately no key; the OAuth marker minimax-oauth is kept as the key (OAuthKeyMarkers).
        IsApiKeyImplicit = apiKey is null && !isApiKeyOmitted && !isKeyless && !IsLoopback;
        ApiKey = IsApiKeyImplicit ? "${" + VariableReferences.ApiKeyName(id) + "}" : apiKey;
    }

    /// <summary>The provider id, as the catalog spells it (matched case-insensitively).</summary>
    public string Id { get; }

    /// <summary>The base URL as written; it may hold <c>${VAR}</c> references that are resolved at run time.</summary>
    public string BaseUrl { get; }

    /// <summary>The provider's wire protocol.</summary>
    public ModelApi Api { get; }

    /// <summary>The <c>api</c> value as written in the catalog.</summary>
    public string ApiName { get; }

    /// <summary>
    /// The key reference: <c>${VAR}</c> (resolved at run time), a loopback provider's placeholder key, or <c>null</c>
    /// (a loopback provider without a key, or a literal key that was deliberately not compiled in: see
    /// <see cref="IsApiKeyOmitted"/>). A non-loopback provider written without <c>apiKey</c> gets
    /// <c>${&lt;ID&gt;_API_KEY}</c> (see <see cref="IsApiKeyImplicit"/>).
    /// </summary>
    public string? ApiKey { get; }

    /// <summary>
    /// <c>true</c> when the catalog gave no <c>apiKey</c> for this non-loopback provider and <see cref="ApiKey"/> is the
    /// implicit <c>${&lt;ID&gt;_API_KEY}</c> (id upper-cased, other characters as <c>_</c>: <c>minimax-cn</c> →
    /// <c>${MINIMAX_CN_API_KEY}</c>), as OpenClaw reads keys from the environment.
    /// </summary>
    public bool IsApiKeyImplicit { get; }

    /// <summary><c>true</c>: send the key as <c>Authorization: Bearer</c> on <c>anthropic-messages</c> instead of <c>x-api-key</c>.</summary>
    public bool AuthHeader { get; }

    /// <summary>Extra request headers (values may hold <c>${VAR}</c> references).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// <c>true</c> when models.yaml gave a literal key for this non-loopback provider: secrets are never compiled in,
    /// so calls fail with a message asking for a <c>${VAR}</c> reference.
    /// </summary>
    public bool IsApiKeyOmitted { get; }

    /// <summary>
    /// <c>true</c> when a request to this provider would carry an API key now: a compiled-in placeholder key, or a
    /// <see cref="ApiKey"/> whose <c>${VAR}</c> references are set in <paramref name="secretResolver"/> (default: the
    /// environment), an unset or empty variable counting as set when its <c>env:</c> alias target is
    /// (<see cref="Catalog.EnvironmentAliases"/>; README.md, "Environment aliases"). <c>false</c> for a provider without
    /// a key and for a literal key that was not compiled in (<see cref="IsApiKeyOmitted"/>). The same rule the client
    /// applies to every request; the value itself is never returned.
    /// </summary>
    /// <remarks>
    /// For a provider that signs in with OAuth (apiKey <c>minimax-oauth</c>): <c>true</c> when a sign-in is stored in
    /// <see cref="FileOAuthTokenStore.Default"/> or <c>${MINIMAX_OAUTH_TOKEN}</c> is set (another store: <see cref="MiniMaxOAuth.HasSignIn"/>).
    /// </remarks>
    public bool HasApiKey(ISecretResolver? secretResolver = null) =>
        ProviderSecrets.HasApiKey(this, secretResolver ?? EnvironmentSecretResolver.Instance);


    /// <summary><c>true</c> when the base URL's host is <c>localhost</c>, in <c>127.0.0.0/8</c> or <c>[::1]</c>.</summary>
    public bool IsLoopback { get; }

    /// <summary>The catalog's environment aliases (<see cref="Catalog.EnvironmentAliases"/>), used whenever this provider's references are resolved.</summary>
    internal IReadOnlyDictionary<string, string> EnvironmentAliases { get; set; } = NoAliases;

    internal static IReadOnlyDictionary<string, string> NoAliases { get; } = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>The provider's models, in catalog order.</summary>
    public IReadOnlyList<ModelInfo> Models
    {
        get => _models;
        internal set => _models = value;
    }

    /// <summary>The id, protocol and base URL; never the key or header values.</summary>
    public override string ToString() => Id + " (" + ApiName + ", " + BaseUrl + ")";
}

using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// How to reach one model: its protocol and the request URL and header templates, computed once per client and
/// model. <see cref="Resolve"/> fills in <c>${VAR}</c> references at request time, so keys are read fresh per call
/// and never kept by the route.
/// </summary>
internal sealed class ModelRoute
{
    private readonly string? _staticUrl;
    private readonly Uri? _staticUri;
    private readonly HeaderTemplate[] _headers;

    public ModelRoute(ModelInfo model, ProviderInfo provider)
    {
        Model = model;
        Provider = provider;
        Protocol = WireProtocol.For(model.Api);
        IsOAuth = OAuthKeyMarkers.IsMarker(provider.ApiKey);
        if (Protocol is not null && !VariableReferences.ContainsReference(provider.BaseUrl) && provider.BaseUrl.IndexOf("$$", StringComparison.Ordinal) < 0)
        {
            _staticUrl = Protocol.BuildUrl(provider.BaseUrl);

            // Parsed once: a Uri is immutable, and parsing the same URL on every request costs more than the rest of Resolve.
            Uri.TryCreate(_staticUrl, UriKind.Absolute, out _staticUri);
        }

        // Model headers override provider headers of the same name (names compare ignoring case).
        var merged = new List<HeaderTemplate>(provider.Headers.Count + model.Headers.Count);
        foreach (var header in provider.Headers)
        {
            if (!model.Headers.ContainsKey(header.Key))
            {
                merged.Add(new HeaderTemplate(header.Key, header.Value, isModelLevel: false));
            }
        }

        foreach (var header in model.Headers)
        {
            merged.Add(new HeaderTemplate(header.Key, header.Value, isModelLevel: true));
        }

        _headers = merged.ToArray();
    }

    public ModelInfo Model { get; }

    public ProviderInfo Provider { get; }

    public WireProtocol? Protocol { get; }

    /// <summary>Whether the provider signs in with OAuth (apiKey <c>minimax-oauth</c>): its key is <see cref="OAuthAccess.AccessToken"/>.</summary>
    public bool IsOAuth { get; }

    /// <summary>
    /// Resolves URL, key and headers; for an OAuth provider the key (and, from a token's resource URL, the base URL) come
    /// from <paramref name="access"/>. Throws a <see cref="FailureReason.Configuration"/> failure naming the missing variable.
    /// </summary>
    public ResolvedRoute Resolve(ISecretResolver secrets, OAuthAccess? access = null)
    {
        var protocol = Protocol ?? throw new ProviderFailureException(
            FailureReason.Configuration,
            "api '" + Model.ApiName + "' of " + Model.Ref + " is not callable; CatalogChatClient speaks anthropic-messages, openai-completions and openai-responses.",
            providerWide: string.Equals(Model.ApiName, Provider.ApiName, StringComparison.Ordinal));

        var apiKey = IsOAuth && access is not null ? access.AccessToken : ProviderSecrets.ResolveApiKey(Provider, secrets);
        if (_headers.Length == 0 && access?.BaseUrl is null && _staticUri is not null)
        {
            // The common route: a fixed URL and no extra headers; the key is the only secret.
            return new ResolvedRoute(_staticUri, apiKey, Array.Empty<KeyValuePair<string, string>>(), apiKey is null ? Array.Empty<string>() : new[] { apiKey });
        }

        var url = access?.BaseUrl is { } resourceUrl ? protocol.BuildUrl(resourceUrl)
            : _staticUrl ?? protocol.BuildUrl(ProviderSecrets.Expand(Provider, Provider.BaseUrl, secrets, "the base URL", providerWide: true));
        List<string>? secretValues = apiKey is null ? null : new List<string>(1 + _headers.Length) { apiKey };
        KeyValuePair<string, string>[] headers = _headers.Length == 0 ? Array.Empty<KeyValuePair<string, string>>() : new KeyValuePair<string, string>[_headers.Length];
        for (int i = 0; i < _headers.Length; i++)
        {
            var template = _headers[i];
            var value = template.HasReference
                ? ProviderSecrets.Expand(Provider, template.Value, secrets, "header '" + template.Name + "'", providerWide: !template.IsModelLevel)
                : template.Value;
            headers[i] = new KeyValuePair<string, string>(template.Name, value);
            (secretValues ??= new List<string>(_headers.Length)).Add(value);
        }

        // A ${VAR} base URL can resolve to anything: a value that is no absolute URL is the provider's configuration
        // error (every model of it fails alike), named by where it is written, never by its value.
        var uri = ReferenceEquals(url, _staticUrl) ? _staticUri : null;
        if (uri is null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            throw new ProviderFailureException(
                FailureReason.Configuration,
                "the base URL of provider '" + Provider.Id + "' (" + Provider.BaseUrl + ") does not resolve to an absolute URL; check the variables it names.",
                providerWide: true);
        }

        return new ResolvedRoute(uri, apiKey, headers, (IReadOnlyList<string>?)secretValues ?? Array.Empty<string>());
    }

    private sealed class HeaderTemplate
    {
        public HeaderTemplate(string name, string value, bool isModelLevel)
        {
            Name = name;
            Value = value;
            IsModelLevel = isModelLevel;
            HasReference = value.IndexOf('$') >= 0;
        }

        public string Name { get; }

        public string Value { get; }

        public bool IsModelLevel { get; }

        public bool HasReference { get; }
    }
}

/// <summary>A route with every variable filled in, for one request. Its values are secrets: never log or print them.</summary>
internal sealed class ResolvedRoute
{
    public ResolvedRoute(Uri url, string? apiKey, KeyValuePair<string, string>[] headers, IReadOnlyList<string> secrets)
    {
        Url = url;
        ApiKey = apiKey;
        Headers = headers;
        Secrets = secrets;
    }

    public Uri Url { get; }

    public string? ApiKey { get; }

    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>Every value that must be masked in messages (the key and header values).</summary>
    public IReadOnlyList<string> Secrets { get; }

    public override string ToString() => Url.GetLeftPart(UriPartial.Path);
}

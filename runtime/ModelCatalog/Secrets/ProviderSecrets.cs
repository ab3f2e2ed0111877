using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// Resolves a provider's key and <c>${VAR}</c> templates at request time, with errors that name the variable and never a
/// value. The one place variables are looked up, so the catalog's environment aliases (<c>env: { NAME: ${OTHER} }</c>,
/// <see cref="Catalog.EnvironmentAliases"/>) apply to every apiKey, baseUrl and header value.
/// </summary>
internal static class ProviderSecrets
{
    /// <summary>Alias chains longer than this (or cycles, <c>A: ${B}, B: ${A}</c>) stop: the variable counts as not set.</summary>
    private const int MaxAliasDepth = 8;

    /// <summary>The provider's key; <c>null</c> when it has none. Throws a <see cref="FailureReason.Configuration"/> failure otherwise.</summary>
    public static string? ResolveApiKey(ProviderInfo provider, ISecretResolver secrets)
    {
        if (provider.IsApiKeyOmitted)
        {
            throw new ProviderFailureException(
                FailureReason.Configuration, "literal key for " + provider.Id + " is not compiled in; use ${VAR}", providerWide: true);
        }

        // The OAuth marker is never a key (OpenClaw bug #79731): signed-in providers get their token from OAuthSessions.
        if (OAuthKeyMarkers.IsMarker(provider.ApiKey))
        {
            throw new ProviderFailureException(
                FailureReason.Configuration, "Provider '" + provider.Id + "' signs in with OAuth (apiKey " + OAuthKeyMarkers.MiniMax +
                "); its access token comes from the sign-in (`" + OAuthSessions.LoginCommand(provider) + "`), never from the marker.", providerWide: true);
        }

        // A literal key (a loopback provider's placeholder, or one given in code) is used as it is.
        return provider.ApiKey is null ? null : Expand(provider, provider.ApiKey, secrets, "the API key", providerWide: true);
    }

    /// <summary>
    /// Whether <see cref="ResolveApiKey"/> would return a non-empty key now (environment aliases followed), without
    /// building an error or handing out the value.
    /// For an OAuth provider: a stored sign-in in the default <see cref="FileOAuthTokenStore"/>, or <c>${MINIMAX_OAUTH_TOKEN}</c>.
    /// </summary>
    public static bool HasApiKey(ProviderInfo provider, ISecretResolver secrets) =>
        OAuthKeyMarkers.IsMarker(provider.ApiKey)
            ? HasOAuthToken(provider, secrets, FileOAuthTokenStore.Default)
            : !provider.IsApiKeyOmitted && provider.ApiKey is { } key && !string.IsNullOrEmpty(TryExpand(provider, key, secrets, out _));

    /// <summary>Whether an OAuth provider has a sign-in file in <paramref name="store"/> or <c>${MINIMAX_OAUTH_TOKEN}</c> is set.</summary>
    public static bool HasOAuthToken(ProviderInfo provider, ISecretResolver secrets, FileOAuthTokenStore? store) =>
        store?.Contains(MiniMaxOAuth.SignInId(provider)) == true || !string.IsNullOrEmpty(OAuthTokenVariable(provider, secrets));

    /// <summary><c>${MINIMAX_OAUTH_TOKEN}</c> (environment aliases followed), the token an OAuth provider uses without a stored sign-in.</summary>
    public static string? OAuthTokenVariable(ProviderInfo provider, ISecretResolver secrets) =>
        TryExpand("${" + OAuthKeyMarkers.MiniMaxTokenVariable + "}", secrets, provider.EnvironmentAliases, out _);

    public static string Expand(ProviderInfo provider, string template, ISecretResolver secrets, string what, bool providerWide)
    {
        var value = TryExpand(provider, template, secrets, out var missing);
        if (value is null)
        {
            var tried = AliasesTried(missing!, secrets, provider.EnvironmentAliases);
            throw new ProviderFailureException(
                FailureReason.Configuration,
                "Variable " + missing + " is not set" + tried + " (" + what + " of provider '" + provider.Id + "' is ${" + missing +
                "}); set " + (tried.Length == 0 ? "it" : "one of them") + ", e.g. as an environment variable.",
                providerWide: providerWide);
        }

        return value;
    }

    /// <summary>The template with every reference filled in; <c>null</c> (and the first unset name) when one is not set.</summary>
    private static string? TryExpand(ProviderInfo provider, string template, ISecretResolver secrets, out string? missing) =>
        TryExpand(template, secrets, provider.EnvironmentAliases, out missing);

    /// <summary>
    /// <paramref name="template"/> with its <c>${NAME}</c> references filled in, following <paramref name="aliases"/> (the
    /// catalog's <c>env:</c> aliases) for a variable that is not set; <c>null</c> with the first unresolved name in
    /// <paramref name="missing"/>. Model refs holding <c>${VAR}</c> use it too, so every variable follows the same rule.
    /// </summary>
    public static string? TryExpand(string template, ISecretResolver secrets, IReadOnlyDictionary<string, string> aliases, out string? missing)
    {
        // A template without '$' (a literal key or header) is its own value. Every request resolves its key: the lambda
        // lives in another method so that this path allocates no closure (a captured parameter's closure is created at entry).
        if (template.IndexOf('$') < 0)
        {
            missing = null;
            return template;
        }

        return ExpandReferences(template, secrets, aliases, out missing);
    }

    private static string? ExpandReferences(string template, ISecretResolver secrets, IReadOnlyDictionary<string, string> aliases, out string? missing) =>
        VariableReferences.Expand(template, name => Resolve(name, secrets, aliases, 0), out missing);

    /// <summary>The variable's value; when it is not set (or empty), the expansion of its environment alias, if any.</summary>
    private static string? Resolve(string name, ISecretResolver secrets, IReadOnlyDictionary<string, string> aliases, int depth)
    {
        var value = secrets.Resolve(name);
        if (!string.IsNullOrEmpty(value) || depth >= MaxAliasDepth || !aliases.TryGetValue(name, out var alias))
        {
            return value;
        }

        return VariableReferences.Expand(alias, other => Resolve(other, secrets, aliases, depth + 1), out _);
    }

    /// <summary>", nor its env: alias ANTHROPIC_API_KEY_CO" (then ", nor B's env: alias C" along a chain): names only, never values.</summary>
    private static string AliasesTried(string missing, ISecretResolver secrets, IReadOnlyDictionary<string, string> aliases)
    {
        var tried = "";
        var visited = new HashSet<string> { missing };
        var name = missing;
        while (visited.Count <= MaxAliasDepth && aliases.TryGetValue(name, out var alias))
        {
            string? next = null;
            foreach (var other in VariableReferences.Names(alias))
            {
                if (string.IsNullOrEmpty(Resolve(other, secrets, aliases, 0)))
                {
                    next = other;
                    break;
                }
            }

            if (next is null || !visited.Add(next))
            {
                break;
            }

            tried += name == missing ? ", nor its env: alias " + next : ", nor " + name + "'s env: alias " + next;
            name = next;
        }

        return tried;
    }
}

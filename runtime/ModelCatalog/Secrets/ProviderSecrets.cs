namespace ModelCatalog;

/// <summary>Resolves a provider's key and <c>${VAR}</c> templates at request time, with errors that name the variable and never a value.</summary>
internal static class ProviderSecrets
{
    /// <summary>The provider's key; <c>null</c> when it has none. Throws a <see cref="FailureReason.Configuration"/> failure otherwise.</summary>
    public static string? ResolveApiKey(ProviderInfo provider, ISecretResolver secrets)
    {
        if (provider.IsApiKeyOmitted)
        {
            throw new ProviderFailureException(
                FailureReason.Configuration, "literal key for " + provider.Id + " is not compiled in; use ${VAR}", providerWide: true);
        }

        // A literal key (a loopback provider's placeholder, or one given in code) is used as it is.
        return provider.ApiKey is null ? null : Expand(provider, provider.ApiKey, secrets, "the API key", providerWide: true);
    }

    public static string Expand(ProviderInfo provider, string template, ISecretResolver secrets, string what, bool providerWide)
    {
        var value = VariableReferences.Expand(template, secrets.Resolve, out var missing);
        if (value is null)
        {
            throw new ProviderFailureException(
                FailureReason.Configuration,
                "Variable " + missing + " is not set (" + what + " of provider '" + provider.Id + "' is ${" + missing + "}); set it, e.g. as an environment variable.",
                providerWide: providerWide);
        }

        return value;
    }
}

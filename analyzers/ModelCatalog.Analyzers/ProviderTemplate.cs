namespace ModelCatalog.Analyzers;

/// <summary>
/// What a new provider block for models.yaml starts with: the MC1002 fix writes these values, followed by the
/// referenced model ids.
/// </summary>
/// <param name="Id">The provider id as it is conventionally spelled (the ref's spelling only when nothing better is known).</param>
/// <param name="BaseUrl">An absolute URL or a <c>${VAR}</c> reference.</param>
/// <param name="Api">anthropic-messages, openai-completions or openai-responses.</param>
/// <param name="ApiKey">A <c>${VAR}</c> reference, or a placeholder for a loopback server that needs no real key.</param>
/// <param name="AuthHeader">Write <c>authHeader: true</c> (MiniMax's Anthropic endpoint).</param>
internal sealed record ProviderTemplate(string Id, string BaseUrl, string Api, string? ApiKey, bool AuthHeader = false)
{
    /// <summary>
    /// A template for a provider nobody knows: the base URL and key come from environment variables, so the block
    /// validates (no MC0003/MC0004) and the developer only has to set two variables or replace them.
    /// </summary>
    public static ProviderTemplate Stub(string providerId)
    {
        return new ProviderTemplate(providerId, "${" + VariableReferences.EnvironmentName(providerId) + "_BASE_URL}", ApiNames.OpenAICompletions,
            "${" + VariableReferences.ApiKeyName(providerId) + "}");
    }
}

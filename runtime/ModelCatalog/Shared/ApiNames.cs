namespace ModelCatalog;

/// <summary>
/// The <c>api</c> values of models.yaml: OpenClaw's kinds, of which the first three are callable by the runtime.
/// One list for the generator's validation (MC0003), the analyzers' provider templates and the runtime's
/// <see cref="ModelApiNames"/> mapping. Shared by the runtime and the generator (linked source).
/// </summary>
internal static class ApiNames
{
    /// <summary>Anthropic Messages: <c>POST {baseUrl}/v1/messages</c>.</summary>
    public const string AnthropicMessages = "anthropic-messages";

    /// <summary>OpenAI Chat Completions: <c>POST {baseUrl}/chat/completions</c>.</summary>
    public const string OpenAICompletions = "openai-completions";

    /// <summary>OpenAI Responses: <c>POST {baseUrl}/responses</c>.</summary>
    public const string OpenAIResponses = "openai-responses";

    /// <summary>Every kind OpenClaw accepts (source: OpenClaw's configuration reference); the first three are callable.</summary>
    public static readonly string[] OpenClawKinds =
    {
        AnthropicMessages, OpenAICompletions, OpenAIResponses, "openai-codex-responses", "google-generative-ai",
        "github-copilot", "bedrock-converse-stream", "ollama", "azure-openai-responses",
    };
}

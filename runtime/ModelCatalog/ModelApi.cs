namespace ModelCatalog;

/// <summary>The wire protocol a provider or model speaks (the <c>api</c> field of models.yaml).</summary>
public enum ModelApi
{
    /// <summary><c>anthropic-messages</c>: <c>POST {baseUrl}/v1/messages</c>.</summary>
    AnthropicMessages,

    /// <summary><c>openai-completions</c>: <c>POST {baseUrl}/chat/completions</c>.</summary>
    OpenAICompletions,

    /// <summary><c>openai-responses</c>: <c>POST {baseUrl}/responses</c>.</summary>
    OpenAIResponses,

    /// <summary>One of OpenClaw's other kinds (for example <c>google-generative-ai</c>): accepted in the catalog, not callable.</summary>
    Other,
}

/// <summary>Conversions between <see cref="ModelApi"/> and the names written in models.yaml.</summary>
public static class ModelApiNames
{
    /// <summary>The models.yaml spelling of <see cref="ModelApi.AnthropicMessages"/>.</summary>
    public const string AnthropicMessages = ApiNames.AnthropicMessages;

    /// <summary>The models.yaml spelling of <see cref="ModelApi.OpenAICompletions"/>.</summary>
    public const string OpenAICompletions = ApiNames.OpenAICompletions;

    /// <summary>The models.yaml spelling of <see cref="ModelApi.OpenAIResponses"/>.</summary>
    public const string OpenAIResponses = ApiNames.OpenAIResponses;

    /// <summary>Maps a models.yaml <c>api</c> value to the enum; unknown names map to <see cref="ModelApi.Other"/>.</summary>
    public static ModelApi Parse(string? name) => name switch
    {
        AnthropicMessages => ModelApi.AnthropicMessages,
        OpenAICompletions => ModelApi.OpenAICompletions,
        OpenAIResponses => ModelApi.OpenAIResponses,
        _ => ModelApi.Other,
    };

    /// <summary>The models.yaml spelling of a callable kind; <c>null</c> for <see cref="ModelApi.Other"/>.</summary>
    public static string? ToName(ModelApi api) => api switch
    {
        ModelApi.AnthropicMessages => AnthropicMessages,
        ModelApi.OpenAICompletions => OpenAICompletions,
        ModelApi.OpenAIResponses => OpenAIResponses,
        _ => null,
    };
}

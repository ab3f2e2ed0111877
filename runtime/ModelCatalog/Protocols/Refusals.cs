using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>How a model's refusal reaches the caller in every protocol.</summary>
internal static class Refusals
{
    /// <summary>
    /// A refusal made visible the way Microsoft.Extensions.AI's OpenAI adapter does: an <see cref="ErrorContent"/> with
    /// error code <c>Refusal</c> (the caller also gets <see cref="ChatFinishReason.ContentFilter"/>).
    /// </summary>
    public static ErrorContent Create(string refusal) => new(refusal) { ErrorCode = "Refusal" };
}

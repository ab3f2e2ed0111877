using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// One wire protocol (<c>api</c> kind): where requests go, how they authenticate, how the JSON body is written and
/// how responses and SSE streams are read. Implementations are stateless singletons; per-stream state lives in a
/// <see cref="StreamDecoder"/>.
/// </summary>
internal abstract class WireProtocol
{
    /// <summary>The request URL for an already expanded base URL (one trailing <c>/</c> trimmed).</summary>
    public abstract string BuildUrl(string baseUrl);

    /// <summary>Adds the auth headers for <paramref name="apiKey"/> (none when it is <c>null</c>).</summary>
    public abstract void AddAuthHeaders(HttpRequestMessage request, string? apiKey, ProviderInfo provider);

    /// <summary>Writes the whole JSON request body.</summary>
    public abstract void WriteRequest(Utf8JsonWriter writer, PromptParts prompt, ChatOptions? options, ModelInfo model, bool stream);

    /// <summary>Reads a complete (non-streaming) 2xx response. Throws <see cref="ProviderFailureException"/> for in-band errors.</summary>
    public abstract ParsedResponse ReadResponse(JsonElement root);

    /// <summary>Creates the state machine for one streamed response of <paramref name="model"/>.</summary>
    public abstract StreamDecoder CreateStreamDecoder(ModelInfo model);

    /// <summary>The protocol for a model's <c>api</c> kind, or <c>null</c> when the kind is not callable.</summary>
    public static WireProtocol? For(ModelApi api) => api switch
    {
        ModelApi.AnthropicMessages => AnthropicMessagesProtocol.Instance,
        ModelApi.OpenAICompletions => OpenAIChatCompletionsProtocol.Instance,
        ModelApi.OpenAIResponses => OpenAIResponsesProtocol.Instance,
        _ => null,
    };

    protected static string TrimTrailingSlash(string baseUrl) =>
        baseUrl.Length > 0 && baseUrl[baseUrl.Length - 1] == '/' ? baseUrl.Substring(0, baseUrl.Length - 1) : baseUrl;
}

/// <summary>What a protocol read from a complete response, before the client stamps ref, cost and ledger data.</summary>
internal sealed class ParsedResponse
{
    public ParsedResponse(ChatMessage message, UsageDetails? usage, ChatFinishReason? finishReason, string? responseId, string? providerModelId)
    {
        Message = message;
        Usage = usage;
        FinishReason = finishReason;
        ResponseId = responseId;
        ProviderModelId = providerModelId;
    }

    public ChatMessage Message { get; }

    public UsageDetails? Usage { get; }

    public ChatFinishReason? FinishReason { get; }

    public string? ResponseId { get; }

    public string? ProviderModelId { get; }

    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>
/// Turns the SSE events of one streamed response into content updates, and keeps the cumulative usage, finish
/// reason and ids for the single final update the client emits.
/// </summary>
internal abstract class StreamDecoder
{
    /// <summary>Handles one event; appends zero or more content lists to <paramref name="output"/>. Throws <see cref="ProviderFailureException"/> on an error event.</summary>
    public abstract void OnEvent(string eventType, JsonElement data, List<AIContent> output);

    /// <summary>Called once at the end of a complete stream; flushes pending content (tool calls).</summary>
    public virtual void Complete(List<AIContent> output)
    {
    }

    /// <summary>
    /// Called for a <c>data: [DONE]</c> line: no further event comes. It does not make the response complete: only the
    /// protocol's own end does (<see cref="IsComplete"/>).
    /// </summary>
    public virtual void OnDone() => EndOfStream = true;

    /// <summary>Properties for the final update's message (e.g. how reasoning must be replayed).</summary>
    public AdditionalPropertiesDictionary? MessageProperties { get; protected set; }

    /// <summary>
    /// <c>true</c> once the protocol's real end arrived, which makes the response whole: Chat Completions a choice with a
    /// non-empty <c>finish_reason</c>; Anthropic <c>message_delta</c> with a <c>stop_reason</c>, then <c>message_stop</c>;
    /// Responses <c>response.completed</c> or <c>response.incomplete</c>. A stream that ends without it is a failure.
    /// </summary>
    public bool IsComplete { get; protected set; }

    /// <summary><c>true</c> once no further event is expected (<c>[DONE]</c>, <c>message_stop</c>, a terminal Responses event): reading stops.</summary>
    public bool EndOfStream { get; protected set; }

    public UsageDetails? Usage { get; protected set; }

    public ChatFinishReason? FinishReason { get; protected set; }

    public string? ResponseId { get; protected set; }

    public string? MessageId { get; protected set; }

    public string? ProviderModelId { get; protected set; }

    public DateTimeOffset? CreatedAt { get; protected set; }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// <c>openai-responses</c>: <c>POST {baseUrl}/responses</c> (OpenAI, LM Studio). Always stateless (<c>store: false</c>):
/// the whole conversation is sent each time; reasoning items carry their <c>encrypted_content</c> in
/// <see cref="TextReasoningContent.ProtectedData"/> so they can be sent back.
/// </summary>
internal sealed class OpenAIResponsesProtocol : WireProtocol
{
    public static readonly OpenAIResponsesProtocol Instance = new();

    private static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        "model", "instructions", "input", "max_output_tokens", "temperature", "top_p", "tools", "tool_choice", "reasoning",
        "include", "store", "stream",
    };

    public override string BuildUrl(string baseUrl) => TrimTrailingSlash(baseUrl) + "/responses";

    public override void AddAuthHeaders(HttpRequestMessage request, string? apiKey, ProviderInfo provider)
    {
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
        }
    }

    public override void WriteRequest(Utf8JsonWriter writer, PromptParts prompt, ChatOptions? options, ModelInfo model, bool stream)
    {
        writer.WriteStartObject();
        writer.WriteString("model", model.Id);
        if (prompt.System is not null)
        {
            writer.WriteString("instructions", prompt.System);
        }

        writer.WriteStartArray("input");
        foreach (var message in prompt.Turns)
        {
            if (message.Role == ChatRole.Assistant)
            {
                WriteAssistantItems(writer, message);
            }
            else
            {
                WriteUserItems(writer, message);
            }
        }

        writer.WriteEndArray();
        writer.WriteNumber("max_output_tokens", options?.MaxOutputTokens ?? model.MaxTokens);
        if (options is not null)
        {
            if (options.Temperature is { } temperature)
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (options.TopP is { } topP)
            {
                writer.WriteNumber("top_p", topP);
            }

            WriteTools(writer, options);
            if (options.Reasoning?.Effort is { } effort && OpenAIChatCompletionsProtocol.EffortName(effort) is { } effortName)
            {
                writer.WriteStartObject("reasoning");
                writer.WriteString("effort", effortName);
                writer.WriteEndObject();
            }
        }

        if (model.Reasoning)
        {
            // With store:false, reasoning can only be carried to the next turn in encrypted form.
            writer.WriteStartArray("include");
            writer.WriteStringValue("reasoning.encrypted_content");
            writer.WriteEndArray();
        }

        JsonHelpers.WriteAdditionalProperties(writer, options, OwnFields);
        writer.WriteBoolean("store", false);
        writer.WriteBoolean("stream", stream);
        writer.WriteEndObject();
    }

    public override ParsedResponse ReadResponse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || (!root.TryGetProperty("output", out _) && !root.TryGetProperty("status", out _)))
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
            {
                throw InBandError(root);
            }

            throw new ProviderFailureException(FailureReason.InvalidResponse, "The response is not a Responses API object.", 200);
        }

        var status = JsonHelpers.GetString(root, "status");
        if (status == "failed")
        {
            throw InBandError(root);
        }

        var contents = new List<AIContent>();
        bool hasCalls = false;
        if (JsonHelpers.TryGetArray(root, "output", out var output))
        {
            foreach (var item in output.EnumerateArray())
            {
                hasCalls |= ReadItem(item, contents);
            }
        }

        var id = JsonHelpers.GetString(root, "id");
        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = id };
        return new ParsedResponse(message, ReadUsage(root), MapStatus(root, hasCalls), id, JsonHelpers.GetString(root, "model"))
        {
            CreatedAt = JsonHelpers.GetInt64(root, "created_at") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
        };
    }

    public override StreamDecoder CreateStreamDecoder() => new Decoder();

    private static ProviderFailureException InBandError(JsonElement responseOrEvent)
    {
        ProviderErrorReader.ReadError(responseOrEvent, out var errorType, out var errorCode, out var message);
        if (message is null && JsonHelpers.TryGetObject(responseOrEvent, "response", out var response))
        {
            ProviderErrorReader.ReadError(response, out errorType, out errorCode, out message);
        }

        return new ProviderFailureException(
            errorCode == "server_error" || errorCode == "rate_limit_exceeded" ? FailureReason.StreamError : FailureClassifier.ClassifyInBand(errorType, errorCode, message),
            message ?? "The response failed.", null, errorType, errorCode);
    }

    /// <summary>Adds the contents of one output item; returns <c>true</c> for a function call.</summary>
    private static bool ReadItem(JsonElement item, List<AIContent> contents)
    {
        switch (JsonHelpers.GetString(item, "type"))
        {
            case "message":
                if (JsonHelpers.TryGetArray(item, "content", out var parts))
                {
                    foreach (var part in parts.EnumerateArray())
                    {
                        var text = JsonHelpers.GetString(part, "text") ?? JsonHelpers.GetString(part, "refusal");
                        if (!string.IsNullOrEmpty(text))
                        {
                            contents.Add(new TextContent(text));
                        }
                    }
                }

                return false;
            case "reasoning":
                var reasoning = ReasoningText(item);
                var encrypted = JsonHelpers.GetString(item, "encrypted_content");
                if (reasoning.Length > 0 || encrypted is not null)
                {
                    contents.Add(new TextReasoningContent(reasoning) { ProtectedData = encrypted });
                }

                return false;
            case "function_call":
                contents.Add(JsonHelpers.CreateFunctionCall(
                    JsonHelpers.GetString(item, "call_id") ?? string.Empty, JsonHelpers.GetString(item, "name") ?? string.Empty,
                    JsonHelpers.GetString(item, "arguments")));
                return true;
            default:
                return false;
        }
    }

    private static string ReasoningText(JsonElement item)
    {
        var text = new StringBuilder();
        foreach (var field in ReasoningArrays)
        {
            if (JsonHelpers.TryGetArray(item, field, out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (JsonHelpers.GetString(part, "text") is { Length: > 0 } value)
                    {
                        if (text.Length > 0)
                        {
                            text.Append("\n\n");
                        }

                        text.Append(value);
                    }
                }
            }
        }

        return text.ToString();
    }

    private static readonly string[] ReasoningArrays = { "summary", "content" };

    private static ChatFinishReason? MapStatus(JsonElement response, bool hasCalls)
    {
        switch (JsonHelpers.GetString(response, "status"))
        {
            case null:
                return null;
            case "completed":
                return hasCalls ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop;
            case "incomplete":
                var reason = JsonHelpers.TryGetObject(response, "incomplete_details", out var details) ? JsonHelpers.GetString(details, "reason") : null;
                return reason switch
                {
                    "max_output_tokens" => ChatFinishReason.Length,
                    "content_filter" => ChatFinishReason.ContentFilter,
                    _ => ChatFinishReason.Length,
                };
            case { } other:
                return new ChatFinishReason(other);
        }
    }

    private static UsageDetails? ReadUsage(JsonElement response)
    {
        if (!JsonHelpers.TryGetObject(response, "usage", out var usage))
        {
            return null;
        }

        long? cached = JsonHelpers.TryGetObject(usage, "input_tokens_details", out var inputDetails) ? JsonHelpers.GetInt64(inputDetails, "cached_tokens") : null;
        long? reasoning = JsonHelpers.TryGetObject(usage, "output_tokens_details", out var outputDetails)
            ? JsonHelpers.GetInt64(outputDetails, "reasoning_tokens")
            : null;
        return UsageFactory.FromOpenAI(
            JsonHelpers.GetInt64(usage, "input_tokens") ?? 0, cached, JsonHelpers.GetInt64(usage, "output_tokens") ?? 0, reasoning,
            JsonHelpers.GetInt64(usage, "total_tokens"));
    }

    private static void WriteUserItems(Utf8JsonWriter writer, ChatMessage message)
    {
        bool open = false;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case FunctionResultContent result:
                    CloseMessage(writer, ref open);
                    writer.WriteStartObject();
                    writer.WriteString("type", "function_call_output");
                    writer.WriteString("call_id", result.CallId);
                    writer.WriteString("output", JsonHelpers.ResultText(result));
                    writer.WriteEndObject();
                    break;
                case TextContent { Text.Length: > 0 } text:
                    OpenMessage(writer, ref open);
                    writer.WriteStartObject();
                    writer.WriteString("type", "input_text");
                    writer.WriteString("text", text.Text);
                    writer.WriteEndObject();
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    OpenMessage(writer, ref open);
                    WriteImage(writer, "data:" + data.MediaType + ";base64," + JsonHelpers.Base64(data));
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    OpenMessage(writer, ref open);
                    WriteImage(writer, uri.Uri.ToString());
                    break;
            }
        }

        CloseMessage(writer, ref open);
    }

    private static void OpenMessage(Utf8JsonWriter writer, ref bool open)
    {
        if (!open)
        {
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteStartArray("content");
            open = true;
        }
    }

    private static void CloseMessage(Utf8JsonWriter writer, ref bool open)
    {
        if (open)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
            open = false;
        }
    }

    private static void WriteImage(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "input_image");
        writer.WriteString("image_url", url);
        writer.WriteEndObject();
    }

    private static void WriteAssistantItems(Utf8JsonWriter writer, ChatMessage message)
    {
        StringBuilder? pendingText = null;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text.Length: > 0 } text:
                    (pendingText ??= new StringBuilder()).Append(text.Text);
                    break;
                case TextReasoningContent { ProtectedData: { } encrypted } reasoning:
                    FlushText(writer, ref pendingText);
                    writer.WriteStartObject();
                    writer.WriteString("type", "reasoning");
                    writer.WriteStartArray("summary");
                    if (reasoning.Text.Length > 0)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("type", "summary_text");
                        writer.WriteString("text", reasoning.Text);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteString("encrypted_content", encrypted);
                    writer.WriteEndObject();
                    break;
                case FunctionCallContent call:
                    FlushText(writer, ref pendingText);
                    writer.WriteStartObject();
                    writer.WriteString("type", "function_call");
                    writer.WriteString("call_id", call.CallId);
                    writer.WriteString("name", call.Name);
                    writer.WriteString("arguments", JsonHelpers.ArgumentsJson(call.Arguments));
                    writer.WriteEndObject();
                    break;
            }
        }

        FlushText(writer, ref pendingText);
    }

    private static void FlushText(Utf8JsonWriter writer, ref StringBuilder? pendingText)
    {
        if (pendingText is null)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", "message");
        writer.WriteString("role", "assistant");
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("type", "output_text");
        writer.WriteString("text", pendingText.ToString());
        writer.WriteStartArray("annotations");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        pendingText = null;
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatOptions options)
    {
        if (!JsonHelpers.WriteFunctionTools(writer, options, static (writer, function) =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                writer.WriteString("description", function.Description);
            }

            writer.WritePropertyName("parameters");
            JsonHelpers.WriteSchema(writer, function);
            writer.WriteEndObject();
        }))
        {
            return;
        }

        switch (options.ToolMode)
        {
            case NoneChatToolMode:
                writer.WriteString("tool_choice", "none");
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "function");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                break;
            case RequiredChatToolMode:
                writer.WriteString("tool_choice", "required");
                break;
        }
    }

    /// <summary>The Responses API event state machine (OpenAI's Responses streaming events, response.created … response.completed).</summary>
    private sealed class Decoder : StreamDecoder
    {
        private readonly Dictionary<long, PendingToolCall> _toolCalls = new();
        private bool _hasCalls;

        public override void OnEvent(string eventType, JsonElement data, List<AIContent> output)
        {
            var type = JsonHelpers.GetString(data, "type") ?? eventType;
            switch (type)
            {
                case "response.created":
                case "response.in_progress":
                case "response.queued":
                    ReadIds(data);
                    break;
                case "response.output_text.delta":
                case "response.refusal.delta":
                    if (JsonHelpers.GetString(data, "delta") is { Length: > 0 } text)
                    {
                        output.Add(new TextContent(text));
                    }

                    break;
                case "response.reasoning_text.delta":
                case "response.reasoning_summary_text.delta":
                    if (JsonHelpers.GetString(data, "delta") is { Length: > 0 } reasoning)
                    {
                        output.Add(new TextReasoningContent(reasoning));
                    }

                    break;
                case "response.output_item.added":
                    if (JsonHelpers.TryGetObject(data, "item", out var added) && JsonHelpers.GetString(added, "type") == "function_call")
                    {
                        _toolCalls[JsonHelpers.GetInt64(data, "output_index") ?? -1] = new PendingToolCall
                        {
                            Id = JsonHelpers.GetString(added, "call_id") ?? string.Empty,
                            Name = JsonHelpers.GetString(added, "name") ?? string.Empty,
                        };
                    }

                    break;
                case "response.function_call_arguments.delta":
                    if (_toolCalls.TryGetValue(JsonHelpers.GetInt64(data, "output_index") ?? -1, out var pending))
                    {
                        pending.Arguments.Append(JsonHelpers.GetString(data, "delta"));
                    }

                    break;
                case "response.output_item.done":
                    OnItemDone(data, output);
                    break;
                case "response.completed":
                case "response.incomplete":
                    if (JsonHelpers.TryGetObject(data, "response", out var response))
                    {
                        ReadIds(data);
                        Usage = ReadUsage(response);
                        FinishReason = MapStatus(response, _hasCalls);
                    }

                    IsComplete = true;
                    break;
                case "response.failed":
                case "error":
                    throw InBandError(data);
            }
        }

        public override void Complete(List<AIContent> output)
        {
            // Calls whose output_item.done never came (a lenient server): emit what was accumulated.
            foreach (var call in _toolCalls.Values)
            {
                output.Add(call.ToContent());
            }

            _toolCalls.Clear();
        }

        private void ReadIds(JsonElement data)
        {
            if (!JsonHelpers.TryGetObject(data, "response", out var response))
            {
                return;
            }

            ResponseId ??= JsonHelpers.GetString(response, "id");
            MessageId ??= ResponseId;
            ProviderModelId ??= JsonHelpers.GetString(response, "model");
            if (CreatedAt is null && JsonHelpers.GetInt64(response, "created_at") is { } created)
            {
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created);
            }
        }

        private void OnItemDone(JsonElement data, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetObject(data, "item", out var item))
            {
                return;
            }

            switch (JsonHelpers.GetString(item, "type"))
            {
                case "function_call":
                    _toolCalls.Remove(JsonHelpers.GetInt64(data, "output_index") ?? -1);
                    _hasCalls = true;
                    ReadItem(item, output);
                    break;
                case "reasoning" when JsonHelpers.GetString(item, "encrypted_content") is { } encrypted:
                    // The text already streamed as deltas; this part only carries the data needed to replay it.
                    output.Add(new TextReasoningContent(string.Empty) { ProtectedData = encrypted });
                    break;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
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
            if (ProviderErrorReader.IsErrorObject(root))
            {
                throw InBandError(root, 200);
            }

            throw new ProviderFailureException(FailureReason.InvalidResponse, "The response is not a Responses API object.", 200);
        }

        var status = JsonHelpers.GetString(root, "status");
        if (status == "failed")
        {
            throw InBandError(root, 200);
        }

        var contents = new List<AIContent>();
        var kinds = ItemKinds.None;
        if (JsonHelpers.TryGetArray(root, "output", out var output))
        {
            foreach (var item in output.EnumerateArray())
            {
                kinds |= ReadItem(item, contents);
            }
        }

        var id = JsonHelpers.GetNonBlankString(root, "id");
        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = id };
        return new ParsedResponse(message, ReadUsage(root), MapStatus(root, kinds), id, JsonHelpers.GetNonBlankString(root, "model"))
        {
            CreatedAt = JsonHelpers.GetInt64(root, "created_at") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
        };
    }

    public override StreamDecoder CreateStreamDecoder(ModelInfo model) => new Decoder();

    // Classified by content like any in-band error: server_error is retried, rate_limit_exceeded honours the rate limit.
    private static ProviderFailureException InBandError(JsonElement responseOrEvent, int? statusCode) =>
        ProviderErrorReader.FromInBandError(responseOrEvent, statusCode, "The response failed.");

    /// <summary>What the output items of a response held, for its finish reason.</summary>
    [Flags]
    private enum ItemKinds
    {
        None = 0,
        FunctionCall = 1,
        Refusal = 2,
    }

    /// <summary>Adds the contents of one output item; returns what kind of content it held.</summary>
    private static ItemKinds ReadItem(JsonElement item, List<AIContent> contents)
    {
        switch (JsonHelpers.GetString(item, "type"))
        {
            case "message":
                return ReadMessageParts(item, contents);
            case "reasoning":
                var reasoning = ReasoningText(item);
                var encrypted = JsonHelpers.GetString(item, "encrypted_content");
                if (reasoning.Length > 0 || encrypted is not null)
                {
                    contents.Add(new TextReasoningContent(reasoning) { ProtectedData = encrypted });
                }

                return ItemKinds.None;
            case "function_call":
                // arguments is a JSON string; some servers send the object itself, which is used as is.
                contents.Add(JsonHelpers.CreateFunctionCall(
                    JsonHelpers.GetString(item, "call_id"), JsonHelpers.GetString(item, "name") ?? string.Empty,
                    JsonHelpers.GetProperty(item, "arguments")));
                return ItemKinds.FunctionCall;
            default:
                return ItemKinds.None;
        }
    }

    /// <summary>
    /// The parts of a <c>message</c> item: each <c>output_text</c> a text part, a <c>refusal</c> an
    /// <see cref="ErrorContent"/> (as for Chat Completions); other part types are skipped.
    /// </summary>
    private static ItemKinds ReadMessageParts(JsonElement item, List<AIContent> contents)
    {
        var kinds = ItemKinds.None;
        if (JsonHelpers.TryGetArray(item, "content", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                switch (JsonHelpers.GetString(part, "type"))
                {
                    case "output_text":
                    case "text":
                        if (JsonHelpers.GetString(part, "text") is { Length: > 0 } text)
                        {
                            contents.Add(new TextContent(text));
                        }

                        break;
                    case "refusal":
                        if (JsonHelpers.GetString(part, "refusal") is { Length: > 0 } refusal)
                        {
                            contents.Add(Refusals.Create(refusal));
                            kinds |= ItemKinds.Refusal;
                        }

                        break;
                }
            }
        }

        return kinds;
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

    // An empty or blank status or incomplete reason is "not sent"; an unknown status becomes a custom reason.
    private static ChatFinishReason? MapStatus(JsonElement response, ItemKinds kinds)
    {
        switch (JsonHelpers.GetNonBlankString(response, "status"))
        {
            case null:
                return null;
            case "completed":
                return (kinds & ItemKinds.Refusal) != 0 ? ChatFinishReason.ContentFilter
                    : (kinds & ItemKinds.FunctionCall) != 0 ? ChatFinishReason.ToolCalls
                    : ChatFinishReason.Stop;
            case "incomplete":
                var reason = JsonHelpers.TryGetObject(response, "incomplete_details", out var details) ? JsonHelpers.GetNonBlankString(details, "reason") : null;
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

    private static UsageDetails? ReadUsage(JsonElement response) =>
        JsonHelpers.TryGetNonEmptyObject(response, "usage", out var usage) ? UsageFactory.FromResponses(usage) : null;

    private static void WriteUserItems(Utf8JsonWriter writer, ChatMessage message)
    {
        bool open = false;
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
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
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
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
                    writer.WriteString("arguments", JsonHelpers.ArgumentsJson(call));
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
        // Open function calls, found by item id (or output_index when a server leaves the id out); never merged.
        private readonly List<PendingToolCall> _toolCalls = new();

        // Items whose content already reached the caller through deltas (or their output_item.added).
        private HashSet<string>? _streamedItems;
        private HashSet<long>? _streamedIndexes;
        private StringBuilder? _refusal;
        private ItemKinds _kinds;
        private bool _anonymousDeltas;

        // The output message item whose text the updates carry now (item id, or "#" + output_index without one).
        private string? _messageItem;
        private string? _lastItemId;

        public override void OnEvent(string eventType, JsonElement data, List<AIContent> output)
        {
            var type = JsonHelpers.GetEventType(data, eventType);
            switch (type)
            {
                case "response.created":
                case "response.in_progress":
                case "response.queued":
                    ReadIds(data);
                    break;
                case "response.output_text.delta":
                    var deltaItem = ItemId(data);
                    MarkStreamed(data, deltaItem);
                    EnterMessageItem(data, deltaItem);
                    if (JsonHelpers.GetString(data, "delta") is { Length: > 0 } text)
                    {
                        output.Add(new TextContent(text));
                    }

                    break;
                case "response.refusal.delta":
                    MarkStreamed(data);
                    if (JsonHelpers.GetString(data, "delta") is { Length: > 0 } refusal)
                    {
                        (_refusal ??= new StringBuilder()).Append(refusal);
                    }

                    break;
                case "response.reasoning_text.delta":
                case "response.reasoning_summary_text.delta":
                    MarkStreamed(data);
                    if (JsonHelpers.GetString(data, "delta") is { Length: > 0 } reasoning)
                    {
                        output.Add(new TextReasoningContent(reasoning));
                    }

                    break;
                case "response.output_item.added":
                    OnItemAdded(data, output);
                    break;
                case "response.function_call_arguments.delta":
                    if (FindCall(data, JsonHelpers.GetString(data, "item_id")) is { } pending)
                    {
                        pending.AppendFragment(JsonHelpers.GetProperty(data, "delta"));
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
                        FinishReason = MapStatus(response, _kinds);
                    }

                    IsComplete = EndOfStream = true;
                    break;
                case "response.failed":
                case "error":
                    throw InBandError(data, null);
                default:
                    // A gateway's {"error":…} or {"object":"error",…} has no Responses event type.
                    if (ProviderErrorReader.IsErrorObject(data))
                    {
                        throw InBandError(data, null);
                    }

                    break;
            }
        }

        public override void Complete(List<AIContent> output)
        {
            // Calls whose output_item.done never came (a lenient server): emit what was accumulated.
            foreach (var call in _toolCalls)
            {
                output.Add(call.ToContent());
            }

            _toolCalls.Clear();
            if (_refusal is not null)
            {
                output.Add(Refusals.Create(_refusal.ToString()));
                _refusal = null;
                if (FinishReason == ChatFinishReason.Stop || FinishReason is null)
                {
                    FinishReason = ChatFinishReason.ContentFilter;
                }
            }
        }

        private void ReadIds(JsonElement data)
        {
            if (!JsonHelpers.TryGetObject(data, "response", out var response))
            {
                return;
            }

            ResponseId ??= JsonHelpers.GetNonBlankString(response, "id");
            MessageId ??= ResponseId;
            ProviderModelId ??= JsonHelpers.GetNonBlankString(response, "model");
            if (CreatedAt is null && JsonHelpers.GetInt64(response, "created_at") is { } created)
            {
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created);
            }
        }

        // Each further output message item gets its own MessageId (its item id), so ToChatResponse() keeps its text a
        // separate part instead of joining it to the previous item's text, as the non-streamed response keeps the parts
        // apart. The first item keeps the response id, which is the non-streamed MessageId, so reasoning and the answer
        // of a one-item response stay one message.
        private void EnterMessageItem(JsonElement data, string? itemId)
        {
            var key = itemId ?? (JsonHelpers.GetInt64(data, "output_index") is { } outputIndex
                ? "#" + outputIndex.ToString(CultureInfo.InvariantCulture) : null);
            if (key is null || key == _messageItem)
            {
                return;
            }

            // Without a response id yet (no response.created) the first item is named too: an update without an id
            // would be merged into the next item's message.
            if (_messageItem is not null || MessageId is null)
            {
                MessageId = itemId ?? ResponseId + key;
            }

            _messageItem = key;
        }

        // An event's item_id; the last one read is reused when it repeats (every delta of an item names it).
        private string? ItemId(JsonElement data)
        {
            var itemId = JsonHelpers.GetString(data, "item_id", _lastItemId);
            _lastItemId = itemId ?? _lastItemId;
            return itemId;
        }

        // Items are recognised by item id, or by output_index when a server leaves the id out of its deltas.
        private void MarkStreamed(JsonElement data) => MarkStreamed(data, ItemId(data));

        private void MarkStreamed(JsonElement data, string? itemId)
        {
            bool known = false;
            if (itemId is not null)
            {
                (_streamedItems ??= new HashSet<string>(StringComparer.Ordinal)).Add(itemId);
                known = true;
            }

            if (JsonHelpers.GetInt64(data, "output_index") is { } outputIndex)
            {
                (_streamedIndexes ??= new HashSet<long>()).Add(outputIndex);
                known = true;
            }

            _anonymousDeltas |= !known;
        }

        private void MarkAdded(JsonElement data, JsonElement item)
        {
            MarkStreamed(data);
            if (JsonHelpers.GetString(item, "id") is { } itemId)
            {
                (_streamedItems ??= new HashSet<string>(StringComparer.Ordinal)).Add(itemId);
            }
        }

        private bool Streamed(string? itemId, JsonElement data) =>
            (itemId is not null && _streamedItems?.Contains(itemId) == true) ||
            (JsonHelpers.GetInt64(data, "output_index") is { } outputIndex && _streamedIndexes?.Contains(outputIndex) == true) ||
            _anonymousDeltas;

        private PendingToolCall? FindCall(JsonElement data, string? itemId)
        {
            long outputIndex = JsonHelpers.GetInt64(data, "output_index") ?? -1;
            foreach (var call in _toolCalls)
            {
                if (itemId is not null && call.ItemId is not null ? call.ItemId == itemId : call.OutputIndex == outputIndex)
                {
                    return call;
                }
            }

            return null;
        }

        private void OnItemAdded(JsonElement data, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetObject(data, "item", out var item))
            {
                return;
            }

            switch (JsonHelpers.GetString(item, "type"))
            {
                case "function_call":
                    var call = new PendingToolCall
                    {
                        Id = JsonHelpers.GetString(item, "call_id") ?? string.Empty,
                        Name = JsonHelpers.GetString(item, "name") ?? string.Empty,
                        ItemId = JsonHelpers.GetString(item, "id"),
                        OutputIndex = JsonHelpers.GetInt64(data, "output_index") ?? -1,
                    };
                    call.SetStartArguments(JsonHelpers.GetProperty(item, "arguments"));
                    _toolCalls.Add(call);
                    break;
                case "message":
                    // A message item that already carries its text here (no deltas follow): the text counts.
                    EnterMessageItem(data, JsonHelpers.GetString(item, "id"));
                    var before = output.Count;
                    _kinds |= ReadMessageParts(item, output);
                    if (output.Count > before)
                    {
                        MarkAdded(data, item);
                    }

                    break;
                case "reasoning" when ReasoningText(item) is { Length: > 0 } reasoning:
                    output.Add(new TextReasoningContent(reasoning));
                    MarkAdded(data, item);
                    break;
            }
        }

        private void OnItemDone(JsonElement data, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetObject(data, "item", out var item))
            {
                return;
            }

            var itemId = JsonHelpers.GetString(item, "id");
            switch (JsonHelpers.GetString(item, "type"))
            {
                case "function_call":
                    var pending = FindCall(data, itemId);
                    if (pending is not null)
                    {
                        _toolCalls.Remove(pending);
                    }

                    _kinds |= ItemKinds.FunctionCall;
                    if (pending is not null && !item.TryGetProperty("arguments", out _))
                    {
                        output.Add(pending.ToContent());
                    }
                    else
                    {
                        ReadItem(item, output);
                    }

                    break;
                case "message" when !Streamed(itemId, data):
                    // The item's text never came as deltas: this is the only place it arrives.
                    EnterMessageItem(data, itemId);
                    _kinds |= ReadMessageParts(item, output);
                    break;
                case "reasoning" when !Streamed(itemId, data):
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

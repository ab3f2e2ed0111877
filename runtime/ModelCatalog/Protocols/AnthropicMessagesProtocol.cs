using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// <c>anthropic-messages</c>: <c>POST {baseUrl}/v1/messages</c> (Anthropic, MiniMax, LM Studio ≥ 0.4.1). Thinking
/// blocks become <see cref="TextReasoningContent"/> with the signature in <see cref="TextReasoningContent.ProtectedData"/>
/// and are sent back on later turns, which MiniMax requires for multi-turn tool use.
/// </summary>
internal sealed class AnthropicMessagesProtocol : WireProtocol
{
    public const string ApiVersion = "2023-06-01";

    /// <summary>Marks a <see cref="TextReasoningContent"/> that holds a <c>redacted_thinking</c> block's data.</summary>
    public const string RedactedThinkingProperty = "ModelCatalog.RedactedThinking";

    public static readonly AnthropicMessagesProtocol Instance = new();

    private static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        "model", "max_tokens", "system", "messages", "temperature", "top_p", "top_k", "stop_sequences", "tools",
        "tool_choice", "thinking", "stream",
    };

    public override string BuildUrl(string baseUrl)
    {
        var trimmed = TrimTrailingSlash(baseUrl);

        // Catalogs derived from models.dev already end Anthropic-style base URLs in /v1; do not double it.
        return trimmed.EndsWith("/v1", StringComparison.Ordinal) ? trimmed + "/messages" : trimmed + "/v1/messages";
    }

    public override void AddAuthHeaders(HttpRequestMessage request, string? apiKey, ProviderInfo provider)
    {
        if (apiKey is not null)
        {
            if (provider.AuthHeader)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
            }
            else
            {
                request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
            }
        }

        request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
    }

    public override void WriteRequest(Utf8JsonWriter writer, PromptParts prompt, ChatOptions? options, ModelInfo model, bool stream)
    {
        int maxTokens = options?.MaxOutputTokens ?? model.MaxTokens;
        writer.WriteStartObject();
        writer.WriteString("model", model.Id);
        writer.WriteNumber("max_tokens", maxTokens);
        if (prompt.System is not null)
        {
            writer.WriteString("system", prompt.System);
        }

        WriteMessages(writer, prompt.Turns);
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

            if (options.TopK is { } topK)
            {
                writer.WriteNumber("top_k", topK);
            }

            if (options.StopSequences is { Count: > 0 } stops)
            {
                writer.WriteStartArray("stop_sequences");
                foreach (var stop in stops)
                {
                    writer.WriteStringValue(stop);
                }

                writer.WriteEndArray();
            }

            WriteTools(writer, options);
            WriteThinking(writer, options.Reasoning, maxTokens);
            JsonHelpers.WriteAdditionalProperties(writer, options, OwnFields);
        }

        writer.WriteBoolean("stream", stream);
        writer.WriteEndObject();
    }

    public override ParsedResponse ReadResponse(JsonElement root)
    {
        var contents = new List<AIContent>();
        ReadContent(root, contents);

        if (contents.Count == 0 && ProviderErrorReader.TryReadMiniMaxStatus(root, out var code, out var statusMessage) && code != 0)
        {
            throw new ProviderFailureException(FailureClassifier.ClassifyMiniMaxCode(code), statusMessage ?? "MiniMax error " + code, 200, null, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (root.ValueKind != JsonValueKind.Object || ProviderErrorReader.IsErrorObject(root))
        {
            throw ProviderErrorReader.FromInBandError(root, 200, "The response is not an Anthropic message.");
        }

        UsageDetails? usage = null;
        if (JsonHelpers.TryGetNonEmptyObject(root, "usage", out var usageElement))
        {
            usage = UsageFactory.FromAnthropic(
                JsonHelpers.GetInt64(usageElement, "input_tokens") ?? 0, JsonHelpers.GetInt64(usageElement, "cache_read_input_tokens") ?? 0,
                JsonHelpers.GetInt64(usageElement, "cache_creation_input_tokens") ?? 0, JsonHelpers.GetInt64(usageElement, "output_tokens") ?? 0,
                UsageFactory.AnthropicReasoning(usageElement));
        }

        var id = JsonHelpers.GetNonBlankString(root, "id");
        var message = new ChatMessage(ChatRole.Assistant, contents) { MessageId = id };
        return new ParsedResponse(message, usage, MapStopReason(JsonHelpers.GetString(root, "stop_reason")), id, JsonHelpers.GetNonBlankString(root, "model"));
    }

    public override StreamDecoder CreateStreamDecoder(ModelInfo model) => new Decoder();

    /// <summary>Maps a <c>stop_reason</c>; <c>null</c>, empty or whitespace means "none", an unknown value becomes a custom reason.</summary>
    internal static ChatFinishReason? MapStopReason(string? reason) => reason switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(reason) => null,
        "end_turn" or "stop_sequence" or "pause_turn" => ChatFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" or "sensitive" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    /// <summary>
    /// Adds the contents of a message's <c>content</c>: the standard array of blocks, or a plain string (non-standard
    /// servers), whose text is kept.
    /// </summary>
    private static void ReadContent(JsonElement message, List<AIContent> contents)
    {
        var content = JsonHelpers.GetProperty(message, "content");
        if (content.ValueKind == JsonValueKind.String)
        {
            if (content.GetString() is { Length: > 0 } text)
            {
                contents.Add(new TextContent(text));
            }

            return;
        }

        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                if (ReadBlock(block) is { } read)
                {
                    contents.Add(read);
                }
            }
        }
    }

    private static AIContent? ReadBlock(JsonElement block)
    {
        switch (JsonHelpers.GetString(block, "type"))
        {
            case "text":
                return new TextContent(JsonHelpers.GetString(block, "text") ?? string.Empty);
            case "thinking":
                return new TextReasoningContent(JsonHelpers.GetString(block, "thinking") ?? string.Empty)
                {
                    ProtectedData = JsonHelpers.GetString(block, "signature"),
                };
            case "redacted_thinking":
                return Redacted(JsonHelpers.GetString(block, "data"));
            case "tool_use":
                // input is an object; some servers send it as a JSON string, which is parsed.
                return JsonHelpers.CreateFunctionCall(
                    JsonHelpers.GetString(block, "id"), JsonHelpers.GetString(block, "name") ?? string.Empty, JsonHelpers.GetProperty(block, "input"));
            default:
                return null;
        }
    }

    private static TextReasoningContent Redacted(string? data) => new(string.Empty)
    {
        ProtectedData = data,
        AdditionalProperties = new AdditionalPropertiesDictionary { [RedactedThinkingProperty] = true },
    };

    private static void WriteMessages(Utf8JsonWriter writer, List<ChatMessage> turns)
    {
        writer.WriteStartArray("messages");
        string? openRole = null;
        foreach (var message in turns)
        {
            bool assistant = message.Role == ChatRole.Assistant;
            if (!HasBlocks(message, assistant))
            {
                continue;
            }

            // Anthropic wants alternating turns; tool results (role "tool" in MEAI) travel in a user turn.
            var role = assistant ? "assistant" : "user";
            if (!string.Equals(openRole, role, StringComparison.Ordinal))
            {
                if (openRole is not null)
                {
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteStartObject();
                writer.WriteString("role", role);
                writer.WriteStartArray("content");
                openRole = role;
            }

            // Indexed: foreach over the IList would box its enumerator on every message of every request.
            for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
            {
                var content = message.Contents[contentIndex];
                WriteBlock(writer, content, assistant);
            }
        }

        if (openRole is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static bool HasBlocks(ChatMessage message, bool assistant)
    {
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
            if (IsWritable(content, assistant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritable(AIContent content, bool assistant) => content switch
    {
        TextContent text => text.Text.Length > 0,
        TextReasoningContent reasoning => assistant && reasoning.ProtectedData is not null,
        FunctionCallContent => assistant,
        FunctionResultContent => !assistant,
        DataContent data => data.HasTopLevelMediaType("image"),
        UriContent uri => uri.HasTopLevelMediaType("image"),
        _ => false,
    };

    private static void WriteBlock(Utf8JsonWriter writer, AIContent content, bool assistant)
    {
        if (!IsWritable(content, assistant))
        {
            return;
        }

        writer.WriteStartObject();
        switch (content)
        {
            case TextContent text:
                writer.WriteString("type", "text");
                writer.WriteString("text", text.Text);
                break;
            case TextReasoningContent reasoning when reasoning.AdditionalProperties?.ContainsKey(RedactedThinkingProperty) == true:
                writer.WriteString("type", "redacted_thinking");
                writer.WriteString("data", reasoning.ProtectedData);
                break;
            case TextReasoningContent reasoning:
                // Replayed verbatim with its signature: the provider verifies it, MiniMax needs it for tool use.
                writer.WriteString("type", "thinking");
                writer.WriteString("thinking", reasoning.Text);
                writer.WriteString("signature", reasoning.ProtectedData);
                break;
            case FunctionCallContent call:
                writer.WriteString("type", "tool_use");
                writer.WriteString("id", call.CallId);
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("input");
                JsonHelpers.WriteArgumentsObject(writer, call.Arguments);
                break;
            case FunctionResultContent result:
                writer.WriteString("type", "tool_result");
                writer.WriteString("tool_use_id", result.CallId);
                writer.WriteString("content", JsonHelpers.ResultText(result));
                if (result.Exception is not null)
                {
                    writer.WriteBoolean("is_error", true);
                }

                break;
            case DataContent data:
                writer.WriteString("type", "image");
                writer.WriteStartObject("source");
                writer.WriteString("type", "base64");
                writer.WriteString("media_type", data.MediaType);
                writer.WriteString("data", JsonHelpers.Base64(data));
                writer.WriteEndObject();
                break;
            case UriContent uri:
                writer.WriteString("type", "image");
                writer.WriteStartObject("source");
                writer.WriteString("type", "url");
                writer.WriteString("url", uri.Uri.ToString());
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatOptions options)
    {
        if (!JsonHelpers.WriteFunctionTools(writer, options, static (writer, function) =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                writer.WriteString("description", function.Description);
            }

            writer.WritePropertyName("input_schema");
            JsonHelpers.WriteSchema(writer, function);
            writer.WriteEndObject();
        }))
        {
            return;
        }

        switch (options.ToolMode)
        {
            case NoneChatToolMode:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "none");
                writer.WriteEndObject();
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "tool");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                break;
            case RequiredChatToolMode:
                writer.WriteStartObject("tool_choice");
                writer.WriteString("type", "any");
                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteThinking(Utf8JsonWriter writer, ReasoningOptions? reasoning, int maxTokens)
    {
        if (reasoning?.Effort is not { } effort)
        {
            return;
        }

        int budget = effort switch
        {
            ReasoningEffort.None => 0,
            ReasoningEffort.Low => 1024,
            ReasoningEffort.Medium => 4096,
            ReasoningEffort.High => 16384,
            _ => 32768,
        };

        // budget_tokens must be at least 1024 and below max_tokens.
        budget = Math.Min(budget, maxTokens - 1);
        writer.WriteStartObject("thinking");
        if (budget < 1024)
        {
            writer.WriteString("type", "disabled");
        }
        else
        {
            writer.WriteString("type", "enabled");
            writer.WriteNumber("budget_tokens", budget);
        }

        writer.WriteEndObject();
    }

    /// <summary>The Anthropic SSE state machine (Anthropic's Messages streaming events, message_start … message_stop).</summary>
    private sealed class Decoder : StreamDecoder
    {
        private readonly Dictionary<int, PendingToolCall> _toolCalls = new();

        // The signature of each open thinking block (from its start or signature_delta), emitted at its stop so that
        // ToChatResponse merges it into the block's text once, wherever it came from.
        private Dictionary<int, string>? _signatures;
        private bool _messageOpen;
        private int _startBlocks;
        private long? _reasoning;
        private long _input;
        private long _cacheRead;
        private long _cacheWrite;
        private long _output;
        private bool _sawUsage;
        private string? _deltaType;

        public override void OnEvent(string eventType, JsonElement data, List<AIContent> output)
        {
            var type = JsonHelpers.GetEventType(data, eventType);
            switch (type)
            {
                case "message_start":
                    if (JsonHelpers.TryGetObject(data, "message", out var message))
                    {
                        OnMessageStart(message, output);
                    }

                    break;
                case "content_block_start" when !FromMessageStart(data):
                    OnBlockStart(data, output);
                    break;
                case "content_block_delta" when !FromMessageStart(data):
                    OnBlockDelta(data, output);
                    break;
                case "content_block_stop":
                    var index = (int)(JsonHelpers.GetInt64(data, "index") ?? -1);
                    if (_toolCalls.TryGetValue(index, out var call))
                    {
                        _toolCalls.Remove(index);
                        output.Add(call.ToContent());
                    }

                    if (_signatures is not null && _signatures.TryGetValue(index, out var signature))
                    {
                        _signatures.Remove(index);
                        output.Add(new TextReasoningContent(string.Empty) { ProtectedData = signature });
                    }

                    break;
                case "message_delta":
                    if (JsonHelpers.TryGetObject(data, "delta", out var delta) && MapStopReason(JsonHelpers.GetString(delta, "stop_reason")) is { } stop)
                    {
                        FinishReason = stop;
                    }

                    if (JsonHelpers.TryGetNonEmptyObject(data, "usage", out var deltaUsage))
                    {
                        MergeUsage(deltaUsage);
                    }

                    break;
                case "message_stop":
                    // The real end is a stop_reason (message_delta or message_start) and then message_stop; message_stop
                    // alone is a truncated stream.
                    _messageOpen = false;
                    EndOfStream = true;
                    IsComplete = FinishReason is not null;
                    break;
                case "error":
                    throw ProviderErrorReader.FromInBandError(data, null, "The stream reported an error.");
                default:
                    // A gateway's {"error":…} or {"object":"error",…} has no Anthropic event type.
                    if (ProviderErrorReader.IsErrorObject(data))
                    {
                        throw ProviderErrorReader.FromInBandError(data, null, "The stream reported an error.");
                    }

                    break;
            }
        }

        public override void Complete(List<AIContent> output)
        {
            // Blocks whose content_block_stop never came (a lenient server): what was collected is still the answer.
            foreach (var call in _toolCalls.Values)
            {
                output.Add(call.ToContent());
            }

            if (_signatures is not null)
            {
                foreach (var signature in _signatures.Values)
                {
                    output.Add(new TextReasoningContent(string.Empty) { ProtectedData = signature });
                }

                _signatures.Clear();
            }

            _toolCalls.Clear();
            if (_sawUsage)
            {
                Usage = UsageFactory.FromAnthropic(_input, _cacheRead, _cacheWrite, _output, _reasoning);
            }
        }

        private bool FromMessageStart(JsonElement data) => JsonHelpers.GetInt64(data, "index") is { } index && index < _startBlocks;

        private void OnMessageStart(JsonElement message, List<AIContent> output)
        {
            // An empty id or model is not a value and never replaces one already read.
            var id = JsonHelpers.GetNonBlankString(message, "id");

            // A second, different message spliced into an unfinished stream: merging the two would be a silent wrong answer.
            if (_messageOpen && id is not null && MessageId is not null && id != MessageId)
            {
                throw new ProviderFailureException(
                    FailureReason.StreamError, "The stream started a second message (" + id + ") before message " + MessageId + " ended.");
            }

            _messageOpen = true;
            MessageId = ResponseId = id ?? MessageId;
            ProviderModelId = JsonHelpers.GetNonBlankString(message, "model") ?? ProviderModelId;
            if (JsonHelpers.TryGetNonEmptyObject(message, "usage", out var startUsage))
            {
                MergeUsage(startUsage);
            }

            // Servers that send the whole answer in message_start: its content and stop reason count, and block events
            // for those same indexes (if any follow) are not read a second time.
            var before = output.Count;
            ReadContent(message, output);
            _startBlocks = JsonHelpers.TryGetArray(message, "content", out var startContent)
                ? startContent.GetArrayLength()
                : output.Count - before;
            if (MapStopReason(JsonHelpers.GetString(message, "stop_reason")) is { } stop)
            {
                FinishReason = stop;
            }
        }

        private void OnBlockStart(JsonElement data, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetObject(data, "content_block", out var block))
            {
                return;
            }

            switch (JsonHelpers.GetString(block, "type"))
            {
                case "text":
                    if (JsonHelpers.GetString(block, "text") is { Length: > 0 } text)
                    {
                        output.Add(new TextContent(text));
                    }

                    break;
                case "thinking":
                    // MiniMax sends the whole thinking and its signature here, with no deltas after.
                    if (JsonHelpers.GetString(block, "thinking") is { Length: > 0 } thinking)
                    {
                        output.Add(new TextReasoningContent(thinking));
                    }

                    if (JsonHelpers.GetString(block, "signature") is { Length: > 0 } startSignature)
                    {
                        (_signatures ??= new Dictionary<int, string>())[(int)(JsonHelpers.GetInt64(data, "index") ?? -1)] = startSignature;
                    }

                    break;
                case "redacted_thinking":
                    output.Add(Redacted(JsonHelpers.GetString(block, "data")));
                    break;
                case "tool_use":
                    var index = (int)(JsonHelpers.GetInt64(data, "index") ?? -1);
                    var call = new PendingToolCall { Id = JsonHelpers.GetString(block, "id") ?? string.Empty, Name = JsonHelpers.GetString(block, "name") ?? string.Empty };
                    call.SetStartArguments(JsonHelpers.GetProperty(block, "input"));
                    _toolCalls[index] = call;
                    break;
            }
        }

        private void OnBlockDelta(JsonElement data, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetObject(data, "delta", out var delta))
            {
                return;
            }

            // The previous delta's type is reused when it repeats (a text block is thousands of text_delta events).
            _deltaType = JsonHelpers.GetString(delta, "type", _deltaType);
            switch (_deltaType)
            {
                case "text_delta":
                    output.Add(new TextContent(JsonHelpers.GetString(delta, "text") ?? string.Empty));
                    break;
                case "thinking_delta":
                    output.Add(new TextReasoningContent(JsonHelpers.GetString(delta, "thinking") ?? string.Empty));
                    break;
                case "signature_delta":
                    if (JsonHelpers.GetString(delta, "signature") is { Length: > 0 } signature)
                    {
                        (_signatures ??= new Dictionary<int, string>())[(int)(JsonHelpers.GetInt64(data, "index") ?? -1)] = signature;
                    }

                    break;
                case "input_json_delta":
                    var index = (int)(JsonHelpers.GetInt64(data, "index") ?? -1);
                    if (_toolCalls.TryGetValue(index, out var call))
                    {
                        call.AppendFragment(JsonHelpers.GetProperty(delta, "partial_json"));
                    }

                    break;
            }
        }

        // message_delta usage is cumulative: overwrite only the fields present (MiniMax sends output_tokens alone).
        private void MergeUsage(JsonElement usage)
        {
            _sawUsage = true;
            _input = JsonHelpers.GetInt64(usage, "input_tokens") ?? _input;
            _cacheRead = JsonHelpers.GetInt64(usage, "cache_read_input_tokens") ?? _cacheRead;
            _cacheWrite = JsonHelpers.GetInt64(usage, "cache_creation_input_tokens") ?? _cacheWrite;
            _output = JsonHelpers.GetInt64(usage, "output_tokens") ?? _output;
            _reasoning = UsageFactory.AnthropicReasoning(usage) ?? _reasoning;
        }
    }
}

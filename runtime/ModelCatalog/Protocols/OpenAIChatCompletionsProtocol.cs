using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// <c>openai-completions</c>: <c>POST {baseUrl}/chat/completions</c> (OpenAI and the many compatible servers, MiniMax's
/// OpenAI endpoint included). Reasoning arrives as <c>&lt;think&gt;</c> in content, <c>reasoning_details</c> or
/// <c>reasoning_content</c>; each becomes <see cref="TextReasoningContent"/>.
/// </summary>
internal sealed class OpenAIChatCompletionsProtocol : WireProtocol
{
    public static readonly OpenAIChatCompletionsProtocol Instance = new();

    private static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        "model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "frequency_penalty",
        "presence_penalty", "seed", "stop", "tools", "tool_choice", "reasoning_effort", "stream", "stream_options",
    };

    public override string BuildUrl(string baseUrl) => TrimTrailingSlash(baseUrl) + "/chat/completions";

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
        writer.WriteStartArray("messages");
        if (prompt.System is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("role", "system");
            writer.WriteString("content", prompt.System);
            writer.WriteEndObject();
        }

        foreach (var message in prompt.Turns)
        {
            WriteMessage(writer, message);
        }

        writer.WriteEndArray();

        // OpenAI itself rejects max_tokens for reasoning models; most compatible servers know only max_tokens.
        var maxTokensField = string.Equals(model.Provider, "openai", StringComparison.OrdinalIgnoreCase) ? "max_completion_tokens" : "max_tokens";
        writer.WriteNumber(maxTokensField, options?.MaxOutputTokens ?? model.MaxTokens);
        if (options is not null)
        {
            WriteSamplingOptions(writer, options);
            WriteTools(writer, options);
            if (options.Reasoning?.Effort is { } effort && EffortName(effort) is { } effortName)
            {
                writer.WriteString("reasoning_effort", effortName);
            }

            JsonHelpers.WriteAdditionalProperties(writer, options, OwnFields);
        }

        writer.WriteBoolean("stream", stream);
        if (stream)
        {
            // Without it no usage arrives in a stream.
            writer.WriteStartObject("stream_options");
            writer.WriteBoolean("include_usage", true);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public override ParsedResponse ReadResponse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProviderFailureException(FailureReason.InvalidResponse, "The response is not a JSON object.", 200);
        }

        JsonElement choice = default;
        bool hasChoice = JsonHelpers.TryGetArray(root, "choices", out var choices) && choices.GetArrayLength() > 0;
        if (hasChoice)
        {
            choice = choices[0];
        }
        else
        {
            ThrowInBandError(root);
        }

        var contents = new List<AIContent>();
        string? format = null;
        var finishReason = MapFinishReason(JsonHelpers.GetString(choice, "finish_reason"));
        if (JsonHelpers.TryGetObject(choice, "message", out var message))
        {
            var reader = new ChatMessageReader();
            reader.Read(message, contents);
            format = reader.Format;
            if (reader.Refusal is { } refusal)
            {
                contents.Add(Refusals.Create(refusal));
                finishReason = ChatFinishReason.ContentFilter;
            }

            if (JsonHelpers.TryGetArray(message, "tool_calls", out var toolCalls))
            {
                foreach (var call in toolCalls.EnumerateArray())
                {
                    JsonHelpers.TryGetObject(call, "function", out var function);
                    contents.Add(JsonHelpers.CreateFunctionCall(
                        JsonHelpers.GetString(call, "id"), JsonHelpers.GetString(function, "name") ?? string.Empty,
                        JsonHelpers.GetProperty(function, "arguments")));
                }
            }
        }

        var id = JsonHelpers.GetNonBlankString(root, "id");
        var chatMessage = new ChatMessage(ChatRole.Assistant, contents)
        {
            MessageId = id,
            AdditionalProperties = ReasoningFormats.Mark(null, format),
        };
        return new ParsedResponse(
            chatMessage, ReadUsage(root), finishReason, id, JsonHelpers.GetNonBlankString(root, "model"))
        {
            CreatedAt = JsonHelpers.GetInt64(root, "created") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
        };
    }

    public override StreamDecoder CreateStreamDecoder(ModelInfo model) => new Decoder(model.Reasoning);

    /// <summary>Maps a <c>finish_reason</c>; <c>null</c>, empty or whitespace means "none yet", an unknown value becomes a custom reason.</summary>
    internal static ChatFinishReason? MapFinishReason(string? reason) => reason switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(reason) => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    internal static string? EffortName(ReasoningEffort effort) => effort switch
    {
        ReasoningEffort.None => null,
        ReasoningEffort.Low => "low",
        ReasoningEffort.Medium => "medium",
        _ => "high",
    };

    private static void ThrowInBandError(JsonElement root)
    {
        if (ProviderErrorReader.TryReadMiniMaxStatus(root, out var code, out var statusMessage) && code != 0)
        {
            throw new ProviderFailureException(FailureClassifier.ClassifyMiniMaxCode(code), statusMessage ?? "MiniMax error " + code, 200,
                null, code.ToString(CultureInfo.InvariantCulture));
        }

        if (ProviderErrorReader.IsErrorObject(root))
        {
            throw ProviderErrorReader.FromInBandError(root, 200, "The provider returned an error.");
        }

        throw new ProviderFailureException(FailureReason.InvalidResponse, "The response has no choices.", 200);
    }

    private static UsageDetails? ReadUsage(JsonElement root) =>
        JsonHelpers.TryGetNonEmptyObject(root, "usage", out var usage) ? UsageFactory.FromChatCompletions(usage) : null;

    private static void WriteSamplingOptions(Utf8JsonWriter writer, ChatOptions options)
    {
        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("top_p", topP);
        }

        if (options.FrequencyPenalty is { } frequencyPenalty)
        {
            writer.WriteNumber("frequency_penalty", frequencyPenalty);
        }

        if (options.PresencePenalty is { } presencePenalty)
        {
            writer.WriteNumber("presence_penalty", presencePenalty);
        }

        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed", seed);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            writer.WriteStartArray("stop");
            foreach (var stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        if (message.Role == ChatRole.Assistant)
        {
            WriteAssistantMessage(writer, message);
            return;
        }

        bool hasParts = false;
        bool hasImages = false;
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
            switch (content)
            {
                case FunctionResultContent result:
                    writer.WriteStartObject();
                    writer.WriteString("role", "tool");
                    writer.WriteString("tool_call_id", result.CallId);
                    writer.WriteString("content", JsonHelpers.ResultText(result));
                    writer.WriteEndObject();
                    break;
                case TextContent { Text.Length: > 0 }:
                    hasParts = true;
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    hasParts = hasImages = true;
                    break;
            }
        }

        if (!hasParts)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("role", "user");
        if (!hasImages)
        {
            writer.WriteString("content", ReasoningFormats.AnswerText(message));
        }
        else
        {
            writer.WriteStartArray("content");
            // Indexed: foreach over the IList would box its enumerator on every message of every request.
            for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
            {
                var content = message.Contents[contentIndex];
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } text:
                        writer.WriteStartObject();
                        writer.WriteString("type", "text");
                        writer.WriteString("text", text.Text);
                        writer.WriteEndObject();
                        break;
                    case DataContent data when data.HasTopLevelMediaType("image"):
                        WriteImagePart(writer, "data:" + data.MediaType + ";base64," + JsonHelpers.Base64(data));
                        break;
                    case UriContent uri when uri.HasTopLevelMediaType("image"):
                        WriteImagePart(writer, uri.Uri.ToString());
                        break;
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteImagePart(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "image_url");
        writer.WriteStartObject("image_url");
        writer.WriteString("url", url);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAssistantMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        var text = ReasoningFormats.AnswerText(message);
        var reasoning = ReasoningFormats.ReasoningText(message);
        var format = ReasoningFormats.Of(message);
        bool hasCalls = false;
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
            hasCalls |= content is FunctionCallContent;
        }

        if (reasoning.Length > 0 && ReasoningFormats.IsSameFormat(format, ReasoningFormats.ThinkTag))
        {
            text = ThinkTagSplitter.Join(reasoning, text); // replayed unchanged, as MiniMax asks
        }

        if (text.Length == 0 && !hasCalls)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("role", "assistant");
        if (text.Length > 0)
        {
            writer.WriteString("content", text);
        }
        else
        {
            writer.WriteNull("content");
        }

        if (reasoning.Length > 0 && ReasoningFormats.IsSameFormat(format, ReasoningFormats.ReasoningDetails))
        {
            writer.WriteStartArray("reasoning_details");
            writer.WriteStartObject();
            writer.WriteString("type", "reasoning.text");
            writer.WriteString("text", reasoning);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else if (reasoning.Length > 0 && ReasoningFormats.IsReasoningField(format))
        {
            writer.WriteString(format!, reasoning); // the same field it came in (DeepSeek, Kimi: required with tool calls)
        }

        if (hasCalls)
        {
            writer.WriteStartArray("tool_calls");
            // Indexed: foreach over the IList would box its enumerator on every message of every request.
            for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
            {
                var content = message.Contents[contentIndex];
                if (content is FunctionCallContent call)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", call.CallId);
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", call.Name);
                    writer.WriteString("arguments", JsonHelpers.ArgumentsJson(call));
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter writer, ChatOptions options)
    {
        if (!JsonHelpers.WriteFunctionTools(writer, options, static (writer, function) =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                writer.WriteString("description", function.Description);
            }

            writer.WritePropertyName("parameters");
            JsonHelpers.WriteSchema(writer, function);
            writer.WriteEndObject();
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
                writer.WriteStartObject("function");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case RequiredChatToolMode:
                writer.WriteString("tool_choice", "required");
                break;
        }
    }

    /// <summary>The Chat Completions chunk state machine (OpenAI's chat.completion.chunk stream, ending with [DONE]).</summary>
    private sealed class Decoder : StreamDecoder
    {
        // Calls in the order they started; the open call of each index takes the fragments that carry no new id.
        private readonly List<PendingToolCall> _toolCalls = new();
        private Dictionary<long, PendingToolCall>? _openByIndex;
        private long _lastIndex;
        private readonly ChatMessageReader _reader;
        private JsonElement _lastUsage;
        private bool _hasUsage;

        // A reasoning model's content may be reasoning ended by a "</think>" whose "<think>" the chat template pre-filled:
        // the splitter holds it back until that is known (ThinkTagSplitter remarks); other models' text is never held.
        public Decoder(bool reasoningModel) => _reader = new ChatMessageReader(new ThinkTagSplitter(holdForOrphanClose: reasoningModel));

        public override void OnEvent(string eventType, JsonElement data, List<AIContent> output)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            // {"error":…} or {"object":"error",…} written as a chunk by servers that fail after the 200 (vLLM, llama.cpp).
            if (ProviderErrorReader.IsErrorObject(data))
            {
                throw ProviderErrorReader.FromInBandError(data, null, "The stream reported an error.");
            }

            // An empty id or model (some servers send "" on the first chunk) is not a value: a later chunk may carry it.
            ResponseId ??= JsonHelpers.GetNonBlankString(data, "id");
            MessageId ??= ResponseId;
            ProviderModelId ??= JsonHelpers.GetNonBlankString(data, "model");
            if (CreatedAt is null && JsonHelpers.GetInt64(data, "created") is { } created)
            {
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created);
            }

            // Usage comes on a final chunk with no choices, or on the finish chunk; keep the last non-null one.
            if (JsonHelpers.TryGetNonEmptyObject(data, "usage", out _))
            {
                _lastUsage = data.Clone();
                _hasUsage = true;
            }

            if (!JsonHelpers.TryGetArray(data, "choices", out var choices))
            {
                // MiniMax reports a failure inside a 200 as base_resp without choices, in a stream too.
                if (ProviderErrorReader.TryReadMiniMaxStatus(data, out var code, out var statusMessage) && code != 0)
                {
                    throw new ProviderFailureException(FailureClassifier.ClassifyMiniMaxCode(code), statusMessage ?? "MiniMax error " + code, null,
                        null, code.ToString(CultureInfo.InvariantCulture));
                }

                return;
            }

            foreach (var choice in choices.EnumerateArray())
            {
                if (JsonHelpers.TryGetObject(choice, "delta", out var delta))
                {
                    _reader.Read(delta, output);
                    OnToolCalls(delta, output);
                }

                // "" (llama.cpp-style servers on every chunk) is "no reason yet" and never replaces a real one.
                if (MapFinishReason(JsonHelpers.GetString(choice, "finish_reason")) is { } finish)
                {
                    FinishReason = finish;
                    IsComplete = true;
                }
            }
        }

        public override void Complete(List<AIContent> output)
        {
            _reader.Flush(output);
            if (_reader.Refusal is { } refusal)
            {
                output.Add(Refusals.Create(refusal));
                FinishReason = ChatFinishReason.ContentFilter;
            }

            foreach (var call in _toolCalls)
            {
                output.Add(call.ToContent());
            }

            _toolCalls.Clear();
            _openByIndex = null;
            if (_hasUsage)
            {
                Usage = ReadUsage(_lastUsage);
            }

            MessageProperties = ReasoningFormats.Mark(MessageProperties, _reader.Format);
        }

        // A fragment whose id is non-empty and differs from the id of the call open at its index starts a new call
        // (servers that label every complete call index 0); fragments without an id continue the open call.
        private void OnToolCalls(JsonElement delta, List<AIContent> output)
        {
            if (!JsonHelpers.TryGetArray(delta, "tool_calls", out var toolCalls))
            {
                return;
            }

            _reader.StopHolding(output); // a tool call shows the held content was the answer
            _openByIndex ??= new Dictionary<long, PendingToolCall>();
            foreach (var fragment in toolCalls.EnumerateArray())
            {
                // Without an index (lenient servers) a fragment belongs with the latest call, unless its id is new.
                var index = JsonHelpers.GetInt64(fragment, "index") ?? _lastIndex;
                var id = JsonHelpers.GetString(fragment, "id");
                if (!_openByIndex.TryGetValue(index, out var call) || (!string.IsNullOrEmpty(id) && call.Id.Length > 0 && call.Id != id))
                {
                    call = new PendingToolCall();
                    _openByIndex[index] = call;
                    _toolCalls.Add(call);
                }

                _lastIndex = index;

                if (!string.IsNullOrEmpty(id) && call.Id.Length == 0)
                {
                    call.Id = id!;
                }

                if (JsonHelpers.TryGetObject(fragment, "function", out var function))
                {
                    if (JsonHelpers.GetString(function, "name") is { Length: > 0 } name)
                    {
                        call.Name = name;
                    }

                    call.AppendFragment(JsonHelpers.GetProperty(function, "arguments"));
                }
            }
        }
    }
}

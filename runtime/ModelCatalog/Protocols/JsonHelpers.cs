using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>Small JSON reading/writing helpers shared by the three protocols.</summary>
internal static class JsonHelpers
{
    // MEAI's defaults indent; tool arguments and results travel inside JSON strings, where compact is expected.
    private static readonly JsonSerializerOptions Compact = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// The <c>type</c> member of an event's data, or <paramref name="eventType"/> (the SSE <c>event:</c> name) when it has
    /// none. When both agree, as they do on every well-formed stream, the event name is returned: no string per event.
    /// </summary>
    public static string GetEventType(JsonElement data, string eventType) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("type", out var value) && value.ValueKind == JsonValueKind.String
            ? (value.ValueEquals(eventType) ? eventType : value.GetString()!)
            : eventType;

    /// <summary>
    /// A string member read like <see cref="GetString(JsonElement, string)"/>, returning <paramref name="known"/> itself when
    /// the value equals it: a stream that repeats a value on every event (a type, an item id) allocates it once.
    /// </summary>
    public static string? GetString(JsonElement element, string name, string? known) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? (known is not null && value.ValueEquals(known) ? known : value.GetString())
            : null;

    /// <summary>
    /// A string member that carries a value: <c>null</c> when it is missing, not a string, empty or whitespace. Servers
    /// write <c>""</c> where the protocol has <c>null</c> (finish reasons, ids, model names), which means "not sent".
    /// </summary>
    public static string? GetNonBlankString(JsonElement element, string name) =>
        GetString(element, name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static long? GetInt64(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    /// <summary>An integer sent as a number or as a numeric string (MiniMax's endpoints use both); <c>null</c> otherwise.</summary>
    public static long? GetInt64OrNumericString(JsonElement element, string name)
    {
        if (GetInt64(element, name) is { } number)
        {
            return number;
        }

        return GetString(element, name) is { } text && long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static bool TryGetObject(JsonElement element, string name, out JsonElement value) =>
        TryGetKind(element, name, JsonValueKind.Object, out value);

    /// <summary>An object member with at least one property (an empty <c>{}</c>, e.g. a usage object, counts as not sent).</summary>
    public static bool TryGetNonEmptyObject(JsonElement element, string name, out JsonElement value)
    {
        if (TryGetObject(element, name, out value))
        {
            using var properties = value.EnumerateObject();
            if (properties.MoveNext())
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    public static bool TryGetArray(JsonElement element, string name, out JsonElement value) =>
        TryGetKind(element, name, JsonValueKind.Array, out value);

    private static bool TryGetKind(JsonElement element, string name, JsonValueKind kind, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == kind)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Tool arguments as MEAI expects them: property name → <see cref="JsonElement"/> (cloned, so the document can go).</summary>
    public static IDictionary<string, object?>? ArgumentsFromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }

    /// <summary>
    /// Builds a call from argument JSON text (a <c>function.arguments</c> string, or streamed fragments joined). The text
    /// must be a JSON object; anything else is kept as the content's <c>Exception</c> with <c>Arguments</c> null (MEAI
    /// convention), never replaced by <c>{}</c>. Absent or blank text means no arguments (a parameterless function).
    /// A call without an id gets a synthesized one (<see cref="SynthesizeCallId"/>).
    /// </summary>
    public static FunctionCallContent CreateFunctionCall(string? callId, string name, string? argumentsJson)
    {
        var call = FunctionCallContent.CreateFromParsedArguments(
            argumentsJson ?? string.Empty, string.IsNullOrEmpty(callId) ? SynthesizeCallId() : callId!, name,
            static json =>
            {
                if (string.IsNullOrWhiteSpace(json))
                {
                    return new Dictionary<string, object?>(StringComparer.Ordinal);
                }

                using var document = JsonDocument.Parse(json);
                return ArgumentsFromElement(document.RootElement) ??
                    throw new JsonException("The arguments are a JSON " + KindName(document.RootElement.ValueKind) + ", not an object.");
            });
        if (call.Exception is not null)
        {
            call.RawRepresentation = argumentsJson; // replayed as the model wrote it (ArgumentsJson), not as "{}"
        }

        return call;
    }

    /// <summary>
    /// Builds a call from a wire arguments value (case 07 of the handed provider cases): an object is used as is, a
    /// string is parsed as JSON text, null or absent means no arguments, and any other value is kept as the content's
    /// <c>Exception</c>.
    /// </summary>
    public static FunctionCallContent CreateFunctionCall(string? callId, string name, JsonElement arguments)
    {
        switch (arguments.ValueKind)
        {
            case JsonValueKind.Object:
                return new FunctionCallContent(string.IsNullOrEmpty(callId) ? SynthesizeCallId() : callId!, name, ArgumentsFromElement(arguments));
            case JsonValueKind.String:
                return CreateFunctionCall(callId, name, arguments.GetString());
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return CreateFunctionCall(callId, name, (string?)null);
            default:
                return new FunctionCallContent(string.IsNullOrEmpty(callId) ? SynthesizeCallId() : callId!, name)
                {
                    RawRepresentation = arguments.GetRawText(),
                    Exception = new InvalidOperationException(
                        "Error parsing function call arguments: the arguments are a JSON " + KindName(arguments.ValueKind) + ", not an object."),
                };
        }
    }

    /// <summary>
    /// An id for a call the server sent without one: unique, and fixed once made, so the tool result the caller sends
    /// back (<see cref="FunctionResultContent.CallId"/>) pairs with the replayed call.
    /// </summary>
    public static string SynthesizeCallId() => "call_" + Guid.NewGuid().ToString("N");

    /// <summary>The property's value, or an <see cref="JsonValueKind.Undefined"/> element when it is absent.</summary>
    public static JsonElement GetProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.String => "string",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    public static void WriteArgumentsObject(Utf8JsonWriter writer, IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }

        JsonSerializer.Serialize(writer, arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
    }

    /// <summary>
    /// A call's arguments as the JSON text of a <c>function.arguments</c> string; a call whose arguments could not be
    /// read goes back with the text the model wrote (kept in <c>RawRepresentation</c>), not as <c>{}</c>.
    /// </summary>
    public static string ArgumentsJson(FunctionCallContent call) =>
        call.Arguments is null && call.Exception is not null && call.RawRepresentation is string raw ? raw : ArgumentsJson(call.Arguments);

    public static string ArgumentsJson(IDictionary<string, object?>? arguments) =>
        arguments is null || arguments.Count == 0
            ? "{}"
            : JsonSerializer.Serialize(arguments, Compact.GetTypeInfo(typeof(IDictionary<string, object?>)));

    /// <summary>A tool result as text: strings as they are, anything else as JSON.</summary>
    public static string ResultText(FunctionResultContent result)
    {
        switch (result.Result)
        {
            case null:
                return result.Exception is null ? string.Empty : "Error: " + result.Exception.Message;
            case string text:
                return text;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return element.GetString() ?? string.Empty;
            case JsonElement element:
                return element.GetRawText();
            default:
                return JsonSerializer.Serialize(result.Result, Compact.GetTypeInfo(result.Result.GetType()));
        }
    }

    /// <summary>The JSON schema of a function tool, or an empty object schema.</summary>
    public static void WriteSchema(Utf8JsonWriter writer, AIFunctionDeclaration function)
    {
        var schema = function.JsonSchema;
        if (schema.ValueKind == JsonValueKind.Object)
        {
            schema.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// Writes <see cref="ChatOptions.AdditionalProperties"/> as extra top-level request fields (e.g. MiniMax's
    /// <c>reasoning_split</c>), skipping names the protocol already wrote and the client's own markers.
    /// </summary>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, ChatOptions? options, HashSet<string> written)
    {
        if (options?.AdditionalProperties is not { Count: > 0 } properties)
        {
            return;
        }

        foreach (var property in properties)
        {
            if (written.Contains(property.Key) || property.Key.StartsWith("ModelCatalog.", StringComparison.Ordinal))
            {
                continue;
            }

            writer.WritePropertyName(property.Key);
            if (property.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, property.Value, AIJsonUtilities.DefaultOptions.GetTypeInfo(property.Value.GetType()));
            }
        }
    }

    /// <summary>Base64 of a <see cref="DataContent"/>'s bytes.</summary>
    public static string Base64(DataContent data)
    {
        var bytes = data.Data;
#if NET8_0_OR_GREATER
        return Convert.ToBase64String(bytes.Span);
#else
        return System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? Convert.ToBase64String(segment.Array, segment.Offset, segment.Count)
            : Convert.ToBase64String(bytes.ToArray());
#endif
    }

    /// <summary>
    /// Writes the <c>"tools"</c> array with one entry per <see cref="AIFunctionDeclaration"/> of the options (each
    /// protocol shapes the entry); writes nothing and returns <c>false</c> when there is none.
    /// </summary>
    public static bool WriteFunctionTools(Utf8JsonWriter writer, ChatOptions options, Action<Utf8JsonWriter, AIFunctionDeclaration> writeTool)
    {
        if (options.Tools is not { Count: > 0 } tools)
        {
            return false;
        }

        bool any = false;
        foreach (var tool in tools)
        {
            if (tool is not AIFunctionDeclaration function)
            {
                continue;
            }

            if (!any)
            {
                writer.WriteStartArray("tools");
                any = true;
            }

            writeTool(writer, function);
        }

        if (any)
        {
            writer.WriteEndArray();
        }

        return any;
    }
}

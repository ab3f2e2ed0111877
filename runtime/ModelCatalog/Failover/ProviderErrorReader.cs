using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// Reads an error response of any of the three protocols (Anthropic <c>{"type":"error","error":{..}}</c>, OpenAI
/// <c>{"error":{..}}</c>, MiniMax <c>base_resp</c>) plus the retry headers, and turns it into a classified failure.
/// </summary>
internal static class ProviderErrorReader
{
    public static ProviderFailureException FromHttpError(HttpResponseMessage response, byte[] body, IReadOnlyList<string> secrets)
    {
        int status = (int)response.StatusCode;
        ReadError(body, out var errorType, out var errorCode, out var message);
        if (string.IsNullOrEmpty(message))
        {
            message = body.Length == 0 ? response.ReasonPhrase ?? "HTTP " + status : Truncate(Encoding.UTF8.GetString(body));
        }

        var reason = FailureClassifier.Classify(status, errorType, errorCode, message);
        return new ProviderFailureException(
            reason, SecretRedactor.Redact(message, secrets), status, errorType, errorCode, RequestId(response),
            RetryAfter(response), ShouldRetry(response));
    }

    /// <summary>
    /// Whether a JSON value inside a 2xx body or stream is an error report rather than data: an object with a non-null
    /// <c>error</c> member (OpenAI, llama.cpp, gateways), <c>"object":"error"</c> (vLLM, SGLang) or
    /// <c>"type":"error"</c> (Anthropic's envelope and error event).
    /// </summary>
    public static bool IsErrorObject(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object &&
        ((root.TryGetProperty("error", out var error) && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.False)) ||
         IsString(root, "object", "error") || IsString(root, "type", "error"));

    /// <summary>
    /// The failure an in-band error report stands for, classified by its content like an HTTP error
    /// (<see cref="FailureClassifier.ClassifyInBand"/>), keeping the provider's message, type and code. Reads a
    /// Responses <c>response.error</c> too. The message still holds whatever the provider wrote: callers redact it.
    /// </summary>
    public static ProviderFailureException FromInBandError(JsonElement root, int? statusCode, string fallbackMessage)
    {
        ReadError(root, out var errorType, out var errorCode, out var message);
        if (message is null && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var response))
        {
            ReadError(response, out errorType, out errorCode, out message);
        }

        return new ProviderFailureException(FailureClassifier.ClassifyInBand(errorType, errorCode, message),
            string.IsNullOrWhiteSpace(message) ? fallbackMessage : message!, statusCode, errorType, errorCode);
    }

    /// <summary>Reads <c>error.type</c>, <c>error.code</c> and <c>error.message</c> (or a MiniMax <c>base_resp</c>) from an error body.</summary>
    public static void ReadError(byte[] body, out string? errorType, out string? errorCode, out string? message)
    {
        errorType = null;
        errorCode = null;
        message = null;
        if (body.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            ReadError(document.RootElement, out errorType, out errorCode, out message);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): the caller falls back to the raw text.
        }
    }

    public static void ReadError(JsonElement root, out string? errorType, out string? errorCode, out string? message)
    {
        errorType = null;
        errorCode = null;
        message = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var error = root.TryGetProperty("error", out var nested) ? nested : root;
        if (error.ValueKind == JsonValueKind.String)
        {
            message = error.GetString();
            return;
        }

        if (error.ValueKind == JsonValueKind.Object)
        {
            errorType = Text(error, "type");
            errorCode = Text(error, "code");
            message = Text(error, "message");
        }

        if (message is null && TryReadMiniMaxStatus(root, out var code, out var statusMessage) && code != 0)
        {
            errorCode = code.ToString(CultureInfo.InvariantCulture);
            message = statusMessage;
        }

        if (errorType == "error")
        {
            errorType = null; // the Anthropic envelope's own "type":"error" when read from the root
        }
    }

    /// <summary>Reads MiniMax's <c>base_resp.status_code</c> / <c>status_msg</c>.</summary>
    public static bool TryReadMiniMaxStatus(JsonElement root, out int code, out string? statusMessage)
    {
        code = 0;
        statusMessage = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("base_resp", out var baseResp) ||
            baseResp.ValueKind != JsonValueKind.Object || !baseResp.TryGetProperty("status_code", out var codeElement) ||
            codeElement.ValueKind != JsonValueKind.Number || !codeElement.TryGetInt32(out code))
        {
            return false;
        }

        statusMessage = Text(baseResp, "status_msg");
        return true;
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues) &&
            double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool? ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-should-retry", out var values))
        {
            var value = values.FirstOrDefault();
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return null;
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("request-id", out var values) || response.Headers.TryGetValues("x-request-id", out values))
        {
            return values.FirstOrDefault();
        }

        return null;
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool IsString(JsonElement element, string name, string expected) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);

    private static string Truncate(string text) => text.Length > 300 ? text.Substring(0, 300) + "…" : text;
}

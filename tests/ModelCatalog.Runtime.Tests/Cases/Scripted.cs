using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Runtime.Tests.Infrastructure;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// Small inline scripts for the "same kind" variants of the handed cases: the n-th request gets the n-th response
/// (the last one repeats); the client uses the cases' common catalog without a fallback, so every failure surfaces.
/// </summary>
internal static class Scripted
{
    public static Task<FakeProviderServer> Serve(params Func<HttpContext, Task>[] responses)
    {
        int count = 0;
        return FakeProviderServer.StartAsync((context, _) =>
            responses[Math.Min(Interlocked.Increment(ref count) - 1, responses.Length - 1)](context));
    }

    public static CatalogChatClient NewClient(FakeProviderServer server) =>
        new(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

    public static Func<HttpContext, Task> Json(string json) => context => context.Json(json);

    /// <summary>A Chat Completions stream: each item is a chunk's data; <c>[DONE]</c> is appended.</summary>
    public static Func<HttpContext, Task> ChatStream(params string[] chunks) =>
        context => context.Sse(chunks.Select(c => ((string?)null, c)).Append((null, "[DONE]")).ToArray());

    /// <summary>A chunk with one choice: <paramref name="delta"/> JSON and an optional finish reason.</summary>
    public static string Delta(string delta, string? finish = null) =>
        """{"id":"chatcmpl-1","model":"m","choices":[{"index":0,"delta":""" + delta + ""","finish_reason":""" +
        (finish is null ? "null" : "\"" + finish + "\"") + "}]}";

    public static string UsageChunk(string usage) => """{"id":"chatcmpl-1","model":"m","choices":[],"usage":""" + usage + "}";

    /// <summary>An Anthropic or Responses stream: each item is an event's data, whose <c>type</c> names the event.</summary>
    public static Func<HttpContext, Task> Events(params string[] events) =>
        context => context.Sse(events.Select(e => ((string?)JsonDocument.Parse(e).RootElement.GetProperty("type").GetString(), e)).ToArray());

    /// <summary>A non-streaming Chat Completions response with one choice.</summary>
    public static string ChatResponse(string message, string finish, string usage = """{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}""") =>
        """{"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,"message":""" + message +
        ""","finish_reason":""" + "\"" + finish + "\"}],\"usage\":" + usage + "}";

    public static async Task<ChatResponse> Stream(IChatClient client, List<ChatMessage> messages, ChatOptions options) =>
        (await TestSupport.CollectAsync(client.GetStreamingResponseAsync(messages, options))).ToChatResponse();

    public static ChatOptions WithTools(string modelRef) => new() { ModelId = modelRef, Tools = [ProviderCases.GetWeather] };
}

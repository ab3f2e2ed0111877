using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Quickstart;

/// <summary>
/// A stand-in LLM provider on 127.0.0.1 so the sample runs without an API key or network: it answers
/// <c>anthropic-messages</c> (<c>…/v1/messages</c>), <c>openai-completions</c> (<c>…/chat/completions</c>) and
/// <c>openai-responses</c> (<c>…/responses</c>) requests, streaming or not, with a short canned reply and realistic
/// usage (including prompt-cache counts), in the exact wire shapes the real services use.
/// </summary>
internal sealed class LocalStandInProvider : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly string _reply;
    private int _requestCount;

    private LocalStandInProvider(HttpListener listener, int port, string reply)
    {
        _listener = listener;
        _reply = reply;
        Port = port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public string Origin => "http://127.0.0.1:" + Port;

    /// <summary>A baseUrl for <c>anthropic-messages</c> providers (the client appends <c>/v1/messages</c>).</summary>
    public string AnthropicBaseUrl => Origin + "/anthropic";

    /// <summary>A baseUrl for <c>openai-completions</c> and <c>openai-responses</c> providers (it includes <c>/v1</c>).</summary>
    public string OpenAIBaseUrl => Origin + "/v1";

    /// <summary>How many chat requests it has answered.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts listening on a free loopback port.</summary>
    public static LocalStandInProvider Start(string reply = "Hello from the local stand-in provider!")
    {
        // HttpListener cannot bind port 0, so ask the OS for a free port first; retry if another process grabs it.
        for (int attempt = 0; ; attempt++)
        {
            int port = FindFreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            try
            {
                listener.Start();
                return new LocalStandInProvider(listener, port, reply);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener closes; nothing to report.
        }

        _stopping.Dispose();
    }

    private static int FindFreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "/";
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            if (context.Request.HttpMethod != "POST")
            {
                await WriteAsync(context, 405, "application/json", """{"error":{"message":"Use POST."}}""").ConfigureAwait(false);
                return;
            }

            string model;
            bool stream;
            try
            {
                using var request = JsonDocument.Parse(body);
                model = request.RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? "stand-in" : "stand-in";
                stream = request.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            }
            catch (JsonException)
            {
                await WriteAsync(context, 400, "application/json", """{"error":{"message":"The body is not JSON.","type":"invalid_request_error"}}""").ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _requestCount);
            if (path.EndsWith("/v1/messages", StringComparison.Ordinal) || path.EndsWith("/messages", StringComparison.Ordinal))
            {
                await (stream ? WriteSseAsync(context, AnthropicEvents(model)) : WriteAsync(context, 200, "application/json", AnthropicMessage(model))).ConfigureAwait(false);
            }
            else if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                await (stream ? WriteSseAsync(context, ChatCompletionEvents(model)) : WriteAsync(context, 200, "application/json", ChatCompletion(model))).ConfigureAwait(false);
            }
            else if (path.EndsWith("/responses", StringComparison.Ordinal))
            {
                await (stream ? WriteSseAsync(context, ResponsesEvents(model)) : WriteAsync(context, 200, "application/json", ResponsesObject(model))).ConfigureAwait(false);
            }
            else
            {
                await WriteAsync(context, 404, "application/json", """{"error":{"message":"Unknown path.","code":"not_found"}}""").ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to answer.
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private static async Task WriteSseAsync(HttpListenerContext context, (string? Event, string Data)[] events)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers["Cache-Control"] = "no-cache";
        context.Response.SendChunked = true;
        var output = context.Response.OutputStream;
        foreach (var (type, data) in events)
        {
            var text = (type is null ? "" : "event: " + type + "\n") + "data: " + data + "\n\n";
            await output.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }

        context.Response.Close();
    }

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private string[] Words()
    {
        // Stream the reply in word-sized pieces, as real servers do.
        var parts = _reply.Split(' ');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            parts[i] += " ";
        }

        return parts;
    }

    // Usage shaped like a warm prompt cache: most of the prompt is read from the cache.
    private const int PromptTokens = 1_250;
    private const int CachedTokens = 1_024;
    private const int CompletionTokens = 12;

    private string AnthropicMessage(string model) =>
        "{\"id\":\"msg_standin\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + Json(model) +
        ",\"content\":[{\"type\":\"text\",\"text\":" + Json(_reply) + "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null," +
        "\"usage\":{\"input_tokens\":" + (PromptTokens - CachedTokens) + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":" + CachedTokens +
        ",\"output_tokens\":" + CompletionTokens + "}}";

    private (string?, string)[] AnthropicEvents(string model)
    {
        var events = new System.Collections.Generic.List<(string?, string)>
        {
            ("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_standin\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + Json(model) +
                ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + (PromptTokens - CachedTokens) +
                ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":" + CachedTokens + ",\"output_tokens\":1}}}"),
            ("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
        };
        foreach (var word in Words())
        {
            events.Add(("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + Json(word) + "}}"));
        }

        events.Add(("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.Add(("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + CompletionTokens + "}}"));
        events.Add(("message_stop", "{\"type\":\"message_stop\"}"));
        return events.ToArray();
    }

    private static string ChatUsage =>
        "{\"prompt_tokens\":" + PromptTokens + ",\"completion_tokens\":" + CompletionTokens + ",\"total_tokens\":" + (PromptTokens + CompletionTokens) +
        ",\"prompt_tokens_details\":{\"cached_tokens\":" + CachedTokens + "},\"completion_tokens_details\":{\"reasoning_tokens\":0}}";

    private string ChatCompletion(string model) =>
        "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion\",\"created\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"model\":" + Json(model) +
        ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + Json(_reply) + "},\"finish_reason\":\"stop\"}],\"usage\":" + ChatUsage + "}";

    private (string?, string)[] ChatCompletionEvents(string model)
    {
        var head = "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"model\":" + Json(model) + ",";
        var events = new System.Collections.Generic.List<(string?, string)>
        {
            (null, head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}"),
        };
        foreach (var word in Words())
        {
            events.Add((null, head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + Json(word) + "},\"finish_reason\":null}],\"usage\":null}"));
        }

        events.Add((null, head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}"));
        events.Add((null, head + "\"choices\":[],\"usage\":" + ChatUsage + "}"));
        events.Add((null, "[DONE]"));
        return events.ToArray();
    }

    private static string ResponsesUsage =>
        "{\"input_tokens\":" + PromptTokens + ",\"input_tokens_details\":{\"cached_tokens\":" + CachedTokens + "},\"output_tokens\":" + CompletionTokens +
        ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + (PromptTokens + CompletionTokens) + "}";

    private string ResponsesMessageItem(string status) =>
        "{\"type\":\"message\",\"id\":\"msg_standin\",\"status\":\"" + status + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":" + Json(_reply) + ",\"annotations\":[]}]}";

    private string ResponsesObject(string model) =>
        "{\"id\":\"resp_standin\",\"object\":\"response\",\"created_at\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"status\":\"completed\",\"model\":" + Json(model) +
        ",\"error\":null,\"incomplete_details\":null,\"output\":[" + ResponsesMessageItem("completed") + "],\"usage\":" + ResponsesUsage + "}";

    private (string?, string)[] ResponsesEvents(string model)
    {
        int sequence = 0;
        var events = new System.Collections.Generic.List<(string?, string)>
        {
            ("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + sequence++ + ",\"response\":{\"id\":\"resp_standin\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":" + Json(model) + ",\"output\":[],\"usage\":null}}"),
            ("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":" + sequence++ + ",\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_standin\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}"),
        };
        foreach (var word in Words())
        {
            events.Add(("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":" + sequence++ +
                ",\"item_id\":\"msg_standin\",\"output_index\":0,\"content_index\":0,\"delta\":" + Json(word) + "}"));
        }

        events.Add(("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":" + sequence++ + ",\"output_index\":0,\"item\":" + ResponsesMessageItem("completed") + "}"));
        events.Add(("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + sequence++ + ",\"response\":{\"id\":\"resp_standin\",\"object\":\"response\",\"status\":\"completed\",\"model\":" +
            Json(model) + ",\"output\":[" + ResponsesMessageItem("completed") + "],\"usage\":" + ResponsesUsage + "}}"));
        return events.ToArray();
    }
}

using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>
/// Serves a handed provider case's <c>script.json</c> (tests/data/cases/providers/README.md, "Script format") from a
/// <see cref="FakeProviderServer"/>: the n-th request to <c>"METHOD /path"</c> gets the n-th response, the last one
/// repeats, an unlisted route answers 404. Supports every key of the reference replay server: status, json, sse, ctype,
/// headers (<c>__DATE+N__</c>), raw, sse_raw, chunks / chunks_b64 with chunk_delay, gzip, delay, stall, abort and
/// require + otherwise.
/// </summary>
public sealed class ScriptedProvider
{
    private readonly Dictionary<string, JsonArray> _routes;
    private readonly ConcurrentDictionary<string, int> _counters = new();

    private ScriptedProvider(Dictionary<string, JsonArray> routes) => _routes = routes;

    /// <summary>The folder of the handed provider cases inside the repository.</summary>
    public static string CasesFolder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "tests", "data", "cases", "providers"));

    /// <summary>Loads <c>tests/data/cases/providers/{caseFolder}/{scriptFile}</c>.</summary>
    public static ScriptedProvider Load(string caseFolder, string scriptFile = "script.json") =>
        Parse(File.ReadAllText(Path.Combine(CasesFolder, caseFolder, scriptFile)));

    public static ScriptedProvider Parse(string scriptJson)
    {
        var root = JsonNode.Parse(scriptJson)!.AsObject();
        var routes = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var (key, value) in root)
        {
            routes[key] = value!.AsArray();
        }

        return new ScriptedProvider(routes);
    }

    /// <summary>Starts a loopback server answering from this script.</summary>
    public Task<FakeProviderServer> StartAsync() => FakeProviderServer.StartAsync(HandleAsync);

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var path = request.Path;
        int query = path.IndexOf('?');
        var key = request.Method + " " + (query < 0 ? path : path.Substring(0, query));
        if (!_routes.TryGetValue(key, out var sequence) || sequence.Count == 0)
        {
            await context.Json("""{"error":{"type":"not_found_error","message":"no route"}}""", 404);
            return;
        }

        int index = _counters.AddOrUpdate(key, 1, (_, n) => n + 1) - 1;
        var response = sequence[Math.Min(index, sequence.Count - 1)]!.AsObject();
        if (response["require"] is JsonArray checks && !checks.All(check => Satisfied(request.Body, check!.AsObject())))
        {
            response = response["otherwise"]?.AsObject() ?? JsonNode.Parse(
                """{"status":400,"json":{"error":{"type":"invalid_request_error","message":"request rejected by the scripted server"}}}""")!.AsObject();
        }

        await SendAsync(context, response);
    }

    private static async Task SendAsync(HttpContext context, JsonObject r)
    {
        var aborted = context.RequestAborted;
        if (r["delay"] is JsonNode delay)
        {
            await Task.Delay(Seconds(delay), aborted);
        }

        context.Response.StatusCode = r["status"]?.GetValue<int>() ?? 200;
        if (r["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = HeaderValue(value!.GetValue<string>());
            }
        }

        if (r["chunks"] is JsonArray || r["chunks_b64"] is JsonArray)
        {
            var parts = r["chunks"] is JsonArray text
                ? text.Select(c => Encoding.UTF8.GetBytes(c!.GetValue<string>())).ToList()
                : r["chunks_b64"]!.AsArray().Select(c => Convert.FromBase64String(c!.GetValue<string>())).ToList();
            context.Response.ContentType = Ctype(r, "text/event-stream");
            var pause = r["chunk_delay"] is JsonNode d ? Seconds(d) : TimeSpan.FromSeconds(0.03);
            try
            {
                await context.Response.StartAsync(aborted);
                foreach (var part in parts.Where(p => p.Length > 0))
                {
                    await context.Response.Body.WriteAsync(part, aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    await Task.Delay(pause, aborted);
                }

                if (r["stall"] is JsonNode stall)
                {
                    await Task.Delay(Seconds(stall), aborted);
                }
            }
            catch (OperationCanceledException)
            {
                return; // the client hung up (e.g. its idle timeout fired): nothing more to send
            }

            if (r["abort"]?.GetValue<bool>() == true)
            {
                context.Abort(); // closes the connection without the final zero-length chunk
            }

            return;
        }

        byte[] payload;
        string contentType;
        if (r["sse_raw"] is JsonNode sseRaw)
        {
            payload = Encoding.UTF8.GetBytes(sseRaw.GetValue<string>());
            contentType = Ctype(r, "text/event-stream");
        }
        else if (r["sse"] is JsonArray events)
        {
            payload = Encoding.UTF8.GetBytes(string.Concat(events.Select(e => e!.GetValue<string>().TrimEnd('\n') + "\n\n")));
            contentType = Ctype(r, "text/event-stream");
        }
        else if (r["raw"] is JsonNode raw)
        {
            payload = Encoding.UTF8.GetBytes(raw.GetValue<string>());
            contentType = Ctype(r, "text/html");
        }
        else
        {
            payload = Encoding.UTF8.GetBytes((r["json"] ?? new JsonObject()).ToJsonString());
            contentType = Ctype(r, "application/json");
        }

        if (r["gzip"]?.GetValue<bool>() == true)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(payload);
            }

            payload = compressed.ToArray();
            context.Response.Headers.ContentEncoding = "gzip";
        }

        context.Response.ContentType = contentType;
        context.Response.ContentLength = payload.Length;
        await context.Response.Body.WriteAsync(payload, aborted);
    }

    private static string Ctype(JsonObject r, string fallback) => r["ctype"]?.GetValue<string>() ?? fallback;

    private static TimeSpan Seconds(JsonNode value) => TimeSpan.FromSeconds(value.GetValue<double>());

    private static string HeaderValue(string value)
    {
        const string Prefix = "__DATE+";
        if (value.StartsWith(Prefix, StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal) &&
            int.TryParse(value.AsSpan(Prefix.Length, value.Length - Prefix.Length - 2), out int seconds))
        {
            return DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("R");
        }

        return value;
    }

    private static bool Satisfied(string body, JsonObject check)
    {
        JsonElement? value = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            value = Lookup(document.RootElement, check["path"]!.GetValue<string>())?.Clone();
        }
        catch (JsonException)
        {
        }

        if (check["present"]?.GetValue<bool>() == true)
        {
            return value is not null;
        }

        if (check["nonempty"]?.GetValue<bool>() == true)
        {
            return value is { } v && v.ValueKind switch
            {
                JsonValueKind.Null => false,
                JsonValueKind.String => v.GetString()!.Length > 0,
                JsonValueKind.Array => v.GetArrayLength() > 0,
                JsonValueKind.Object => v.EnumerateObject().Any(),
                _ => true,
            };
        }

        if (check["equals"] is { } expected)
        {
            return value is { } v && JsonNode.DeepEquals(JsonNode.Parse(v.GetRawText()), expected);
        }

        return value is not null;
    }

    private static JsonElement? Lookup(JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, out int index))
            {
                int length = current.GetArrayLength();
                if (index < 0)
                {
                    index += length;
                }

                if (index < 0 || index >= length)
                {
                    return null;
                }

                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var next))
            {
                current = next;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..");
}

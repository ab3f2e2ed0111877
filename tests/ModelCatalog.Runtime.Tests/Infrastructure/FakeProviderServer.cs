// Explicit usings (not only the project's implicit ones): the generator tests link this file to run generated catalogs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>One request as the fake provider saw it.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required Dictionary<string, string> Headers { get; init; }
    public required string Body { get; init; }
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, port 0) that records every request and answers with a scripted handler.
/// Each test starts and disposes its own.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeProviderServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int CountFor(string pathPrefix) => _requests.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public RecordedRequest Single(string pathPrefix) => Assert.Single(_requests, r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<FakeProviderServer> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        var server = new FakeProviderServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest
            {
                Method = context.Request.Method,
                Path = context.Request.Path + context.Request.QueryString,
                Headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                Body = body,
            };
            server._requests.Enqueue(recorded);
            await handler(context, recorded);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>Response helpers for scripted handlers.</summary>
public static class FakeResponses
{
    public static async Task Json(this HttpContext context, string json, int status = 200, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(json);
    }

    /// <summary>Writes an SSE stream; each item is (event type or null, data), flushed one by one.</summary>
    public static async Task Sse(this HttpContext context, params (string? Event, string Data)[] events)
    {
        await StartSse(context);
        foreach (var (type, data) in events)
        {
            await WriteEvent(context, type, data);
        }
    }

    public static async Task StartSse(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync();
    }

    public static async Task WriteEvent(HttpContext context, string? type, string data)
    {
        var text = (type is null ? "" : "event: " + type + "\n") + "data: " + data + "\n\n";
        await context.Response.WriteAsync(text);
        await context.Response.Body.FlushAsync();
    }
}

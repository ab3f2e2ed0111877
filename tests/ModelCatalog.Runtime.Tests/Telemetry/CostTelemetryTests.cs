using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Runtime.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Telemetry;

/// <summary>
/// The ModelCatalog meter and the activity tag, read through the real OpenTelemetry SDK and its in-memory exporter.
/// The meter is process-wide and tests run in parallel, so each test uses its own provider ids and reads only
/// the points tagged with them.
/// </summary>
public sealed class CostTelemetryTests
{
    // 10 input tokens (3 read from the cache), 1000 output: $1000 per 1M output tokens, input free = $1.
    private const string Answer = """{"id":"msg_1","model":"claude-x-2026","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":7,"cache_read_input_tokens":3,"output_tokens":1000}}""";

    private static Catalog TwoProviders(string baseUrl, string first, string second) => Catalog.CreateBuilder()
        .AddProvider(first, baseUrl + "/first", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel(first, "big", cost: new ModelCost(0m, 1000m), maxTokens: 1000)
        .AddProvider(second, baseUrl + "/second", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel(second, "small", cost: new ModelCost(0m, 1000m), maxTokens: 1000)
        .SetPrimary(first + "/big").AddFallback(second + "/small").Build();

    private static CatalogChatClientOptions NoRetry()
    {
        var options = Options();
        options.MaxRetries = 0;
        return options;
    }

    private static List<(string Name, string? Unit, object Value, Dictionary<string, object?> Tags)> Points(List<Metric> metrics, string provider)
    {
        var points = new List<(string, string?, object, Dictionary<string, object?>)>();
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (!Equals(tags.GetValueOrDefault("gen_ai.provider.name"), provider))
                {
                    continue;
                }

                object value = metric.MetricType == MetricType.DoubleSum ? point.GetSumDouble() : point.GetSumLong();
                points.Add((metric.Name, metric.Unit, value, tags));
            }
        }

        return points;
    }

    private static string Describe((string Name, string? Unit, object Value, Dictionary<string, object?> Tags) point) =>
        point.Name + " [" + point.Unit + "] " + point.Value + " {" +
        string.Join(", ", point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)) + "}";

    [Fact]
    public async Task A_successful_call_reports_cost_tokens_and_one_attempt_with_gen_ai_tags()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Answer));
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(CatalogChatClient.MeterName).AddInMemoryExporter(metrics).Build();
        using var client = new CatalogChatClient(TwoProviders(server.BaseUrl, "tel-ok", "tel-ok-b"), options: NoRetry());
        await client.GetResponseAsync("hi");
        meters.ForceFlush();

        Assert.Equal(
            [
                "modelcatalog.client.attempts [{attempt}] 1 {gen_ai.provider.name=tel-ok, gen_ai.request.model=big, gen_ai.response.model=claude-x-2026}",
                "modelcatalog.client.cost [USD] 1 {gen_ai.provider.name=tel-ok, gen_ai.request.model=big, gen_ai.response.model=claude-x-2026}",
                "modelcatalog.client.tokens [{token}] 10 {gen_ai.provider.name=tel-ok, gen_ai.request.model=big, gen_ai.response.model=claude-x-2026, gen_ai.token.type=input}",
                "modelcatalog.client.tokens [{token}] 1000 {gen_ai.provider.name=tel-ok, gen_ai.request.model=big, gen_ai.response.model=claude-x-2026, gen_ai.token.type=output}",
                "modelcatalog.client.tokens [{token}] 3 {gen_ai.provider.name=tel-ok, gen_ai.request.model=big, gen_ai.response.model=claude-x-2026, gen_ai.token.type=cached}",
            ],
            Points(metrics, "tel-ok").Select(Describe).OrderBy(d => d.Split(' ')[0], StringComparer.Ordinal).ThenBy(d => d.Contains("type=input") ? 0 : d.Contains("type=output") ? 1 : 2));
    }

    [Fact]
    public async Task A_failover_reports_the_failed_attempt_by_failure_reason_and_the_cost_of_the_model_that_answered()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/first/", StringComparison.Ordinal) ? context.Json("""{"type":"error","error":{"type":"overloaded_error","message":"busy"}}""", 529) : context.Json(Answer));
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(CatalogChatClient.MeterName).AddInMemoryExporter(metrics).Build();
        using var client = new CatalogChatClient(TwoProviders(server.BaseUrl, "tel-fail", "tel-fallback"), options: NoRetry());
        Assert.Equal("tel-fallback/small", (await client.GetResponseAsync("hi")).ModelId);
        meters.ForceFlush();

        Assert.Equal(
            ["modelcatalog.client.attempts [{attempt}] 1 {gen_ai.provider.name=tel-fail, gen_ai.request.model=big, modelcatalog.failure_reason=ServerError}"],
            Points(metrics, "tel-fail").Select(Describe));
        var fallback = Points(metrics, "tel-fallback").Select(Describe).ToList();
        Assert.Contains("modelcatalog.client.attempts [{attempt}] 1 {gen_ai.provider.name=tel-fallback, gen_ai.request.model=small, gen_ai.response.model=claude-x-2026}", fallback);
        Assert.Contains("modelcatalog.client.cost [USD] 1 {gen_ai.provider.name=tel-fallback, gen_ai.request.model=small, gen_ai.response.model=claude-x-2026}", fallback);
        Assert.Equal(5, fallback.Count);
    }

    [Fact]
    public async Task UseOpenTelemetry_gets_the_call_cost_on_its_chat_activity()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Answer));
        var activities = new List<Activity>();
        const string Source = "ModelCatalog.Tests.CostActivity";
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(Source).AddInMemoryExporter(activities).Build())
        {
            using var client = new CatalogChatClient(TwoProviders(server.BaseUrl, "tel-act", "tel-act-b"), options: NoRetry());
            using var chat = new ChatClientBuilder(client).UseOpenTelemetry(sourceName: Source).Build();
            var response = await chat.GetResponseAsync("hi");
            Assert.Equal(1m, response.GetCost());
            tracing.ForceFlush();
        }

        var activity = Assert.Single(activities);
        Assert.Equal(1.0, activity.GetTagItem(CatalogChatClient.CostActivityTagName));
        Assert.Equal("modelcatalog", activity.GetTagItem("gen_ai.provider.name"));
    }

    [Fact]
    public async Task UseOpenTelemetry_gets_the_cost_of_a_stream_on_its_chat_activity()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_1","model":"claude-x","content":[],"usage":{"input_tokens":7,"output_tokens":0}}}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":250}}"""),
            ("message_stop", """{"type":"message_stop"}""")));
        var activities = new List<Activity>();
        const string Source = "ModelCatalog.Tests.StreamCostActivity";
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(Source).AddInMemoryExporter(activities).Build())
        {
            using var client = new CatalogChatClient(TwoProviders(server.BaseUrl, "tel-stream", "tel-stream-b"), options: NoRetry());
            using var chat = new ChatClientBuilder(client).UseOpenTelemetry(sourceName: Source).Build();
            var updates = await CollectAsync(chat.GetStreamingResponseAsync("hi"));
            Assert.Equal(0.25m, updates[^1].GetCost());
            tracing.ForceFlush();
        }

        var activity = Assert.Single(activities);
        Assert.Equal(0.25, activity.GetTagItem(CatalogChatClient.CostActivityTagName));
    }
}

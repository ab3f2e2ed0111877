using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelCatalog.Runtime.Tests.Infrastructure;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// The "Same kind" list of case 12: stalls in every protocol, before and after the first update, the time to the
/// first output, the caller's own cancellation, and a slow caller that is not a stall.
/// </summary>
public sealed class StreamStallTests
{
    private const string OaiRoute = "POST /oai/v1/chat/completions";
    private const string OaiText = """data: {"id":"c1","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"content":"Partial"},"finish_reason":null}]}""" + "\n\n";

    /// <summary>Case 12's script with <paramref name="route"/> answered by <paramref name="chunks"/> and a 25 s stall.</summary>
    private static ScriptedProvider Stalling(string route, double chunkDelay, params string[] chunks)
    {
        var script = JsonNode.Parse(File.ReadAllText(Path.Combine(ScriptedProvider.CasesFolder, "12-stalled-stream-timeout", "script.json")))!.AsObject();
        var response = new JsonObject
        {
            ["chunks"] = new JsonArray(chunks.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["chunk_delay"] = chunkDelay,
            ["stall"] = 25,
        };
        script[route] = new JsonArray(response);
        return ScriptedProvider.Parse(script.ToJsonString());
    }

    private static CatalogChatClientOptions Options(TimeSpan attemptTimeout, TimeSpan? idleTimeout = null)
    {
        var options = ProviderCases.Options();
        options.AttemptTimeout = attemptTimeout;
        options.StreamIdleTimeout = idleTimeout;
        return options;
    }

    [Fact]
    public async Task A_stall_after_the_first_update_ends_the_stream_with_ModelRequestException()
    {
        await using var server = await Stalling(OaiRoute, 0, OaiText).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, Options(TimeSpan.FromSeconds(1)));
        var received = new List<string>();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModelRequestException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" }))
            {
                received.Add(update.Text);
            }
        });

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
        Assert.Equal(["Partial"], received);
        Assert.Equal(FailureReason.Timeout, error.Reason);
        Assert.Equal("The stream sent no event for 1 s (StreamIdleTimeout).", error.Attempt.Message);
        Assert.Equal(1, server.CountFor("/oai/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Its_own_idle_limit_ends_a_responses_stream_that_stalls_before_output_and_the_fallback_answers()
    {
        await using var server = await Stalling("POST /resp/v1/responses", 0,
            "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\"}}\n\n").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null,
            Options(TimeSpan.FromSeconds(30), idleTimeout: TimeSpan.FromSeconds(0.5)));
        var clock = Stopwatch.StartNew();

        var response = (await TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "resp/gpt-5-mini" }))).ToChatResponse();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), "took " + clock.Elapsed);
        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal(3, server.CountFor("/resp/")); // a timeout is retried twice before the fallback
        Assert.Equal(1, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Pings_without_output_do_not_extend_the_attempt_timeout()
    {
        var pings = Enumerable.Repeat("event: ping\ndata: {\"type\":\"ping\"}\n\n", 60).ToArray();
        await using var server = await Stalling("POST /anth/v1/messages", 0.1, pings).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, Options(TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "anth/claude-sonnet-4-5" })));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5.5), "took " + clock.Elapsed); // 3 attempts of 1 s, not 3 × 6 s of pings
        Assert.Equal(3, error.Attempts.Count);
        Assert.All(error.Attempts, attempt =>
        {
            Assert.Equal(FailureReason.Timeout, attempt.Reason);
            Assert.Equal("No streamed output within 1 s of the request (AttemptTimeout).", attempt.Message);
        });
    }

    [Fact]
    public async Task The_callers_cancellation_during_a_stall_wins_at_once_and_never_fails_over()
    {
        await using var server = await ScriptedProvider.Load("12-stalled-stream-timeout").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, Options(TimeSpan.FromSeconds(30)));
        using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(0.5));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "anth/claude-sonnet-4-5" }, caller.Token)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "took " + clock.Elapsed);
        Assert.Equal(1, server.CountFor("/anth/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task The_callers_cancellation_after_the_first_update_is_a_cancellation_too()
    {
        await using var server = await Stalling(OaiRoute, 0, OaiText).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, Options(TimeSpan.FromSeconds(30)));
        using var caller = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(
                ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" }, caller.Token))
            {
                caller.CancelAfter(TimeSpan.FromSeconds(0.3));
            }
        });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "took " + clock.Elapsed);
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Time_the_caller_spends_with_an_update_is_not_a_stall()
    {
        await using var server = await ScriptedProvider.Load("02-empty-finish-reason").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null,
            Options(TimeSpan.FromSeconds(0.4), idleTimeout: TimeSpan.FromSeconds(0.4)));
        var text = "";

        await foreach (var update in client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" }))
        {
            text += update.Text;
            await Task.Delay(TimeSpan.FromSeconds(0.6)); // longer than both limits, between reads
        }

        Assert.Equal(" Hello there!", text);
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void Timeouts_must_be_positive_or_infinite(double seconds)
    {
        var options = ProviderCases.Options();
        options.StreamIdleTimeout = TimeSpan.FromSeconds(seconds);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CatalogChatClient(ProviderCases.Catalog("http://127.0.0.1:9"), null, options));

        Assert.Equal("StreamIdleTimeout", error.ParamName);
        options.StreamIdleTimeout = Timeout.InfiniteTimeSpan;
        using var client = new CatalogChatClient(ProviderCases.Catalog("http://127.0.0.1:9"), null, options);
    }
}

using ModelCatalog.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Failover;

public sealed class CooldownAndFaultTests
{
    private const string AnthropicOk = """{"id":"msg_ok","model":"claude","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":2}}""";

    private static Catalog TwoModels(string baseUrl) => Catalog.CreateBuilder()
        .AddProvider("a", baseUrl + "/a", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}").AddModel("a", "one")
        .AddProvider("b", baseUrl + "/b", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}").AddModel("b", "two")
        .SetPrimary("a/one").AddFallback("b/two").Build();

    private static CatalogChatClientOptions NoRetry(FakeClock clock)
    {
        var options = Options(clock: clock);
        options.MaxRetries = 0;
        return options;
    }

    [Fact]
    public async Task A_failing_model_cools_down_for_30_seconds_per_client()
    {
        var primaryFails = true;
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/a/") && primaryFails ? context.Json("{}", 503) : context.Json(AnthropicOk));
        var clock = new FakeClock();
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: NoRetry(clock));

        Assert.Equal("b/two", (await client.GetResponseAsync("1")).ModelId);
        primaryFails = false;
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("b/two", (await client.GetResponseAsync("2")).ModelId); // a/one is cooling: not even tried
        Assert.Equal(1, server.CountFor("/a/"));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("a/one", (await client.GetResponseAsync("3")).ModelId);
        Assert.Equal(2, server.CountFor("/a/"));

        // Another client has its own cooldowns: its failure does not make this client pass a/one over.
        primaryFails = true;
        using var other = new CatalogChatClient(TwoModels(server.BaseUrl), options: NoRetry(clock));
        Assert.Equal("b/two", (await other.GetResponseAsync("4")).ModelId);
        primaryFails = false;
        Assert.Equal("a/one", (await client.GetResponseAsync("5")).ModelId);
        Assert.Equal("b/two", (await other.GetResponseAsync("6")).ModelId);
    }

    [Fact]
    public async Task The_cooldown_is_configurable()
    {
        var primaryFails = true;
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/a/") && primaryFails ? context.Json("{}", 503) : context.Json(AnthropicOk));
        var clock = new FakeClock();
        var options = NoRetry(clock);
        options.Cooldown = TimeSpan.FromSeconds(5);
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: options);

        await client.GetResponseAsync("1");
        primaryFails = false;
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("a/one", (await client.GetResponseAsync("2")).ModelId);
    }

    [Fact]
    public async Task When_every_candidate_is_cooling_they_are_tried_in_order_anyway()
    {
        var fail = true;
        await using var server = await FakeProviderServer.StartAsync((context, _) => fail ? context.Json("{}", 503) : context.Json(AnthropicOk));
        var clock = new FakeClock();
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: NoRetry(clock));

        await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("1"));
        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("2"));
        Assert.Equal(["a/one", "b/two"], error.Attempts.Select(a => a.ModelRef));
        fail = false;

        Assert.Equal("a/one", (await client.GetResponseAsync("3")).ModelId);
        Assert.Equal(["/a/v1/messages", "/b/v1/messages", "/a/v1/messages", "/b/v1/messages", "/a/v1/messages"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task All_failing_throws_ModelFailoverException_listing_every_attempt_without_secrets()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) => request.Path.StartsWith("/a/")
            ? context.Json("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}""", 529, ("request-id", "req_1"))
            : context.Json("""{"error":{"message":"Incorrect API key provided: """ + AnthropicKey + """.","type":"invalid_request_error","code":"invalid_api_key"}}""", 401));
        var options = Options(new RecordingDelay());
        options.MaxRetries = 1;
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: options);

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(3, error.Attempts.Count);
        Assert.Equal(["a/one", "a/one", "b/two"], error.Attempts.Select(a => a.ModelRef));
        Assert.Equal([529, 529, 401], error.Attempts.Select(a => a.StatusCode));
        Assert.Equal([FailureReason.ServerError, FailureReason.ServerError, FailureReason.Authentication], error.Attempts.Select(a => a.Reason));
        Assert.Equal("overloaded_error", error.Attempts[0].ErrorType);
        Assert.Equal("req_1", error.Attempts[0].RequestId);
        Assert.Equal("invalid_api_key", error.Attempts[2].ErrorCode);
        Assert.Equal("a/one: 529 overloaded_error: Overloaded", error.Attempts[0].ToString());
        Assert.Contains("b/two: 401 invalid_request_error: Incorrect API key provided: ***.", error.Message);
        Assert.DoesNotContain(AnthropicKey, error.ToString());
    }

    [Fact]
    public async Task Connection_reset_mid_stream_after_a_token_surfaces_and_before_a_token_falls_back()
    {
        var tokenReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeProviderServer.StartAsync(async (context, request) =>
        {
            if (request.Path.StartsWith("/b/"))
            {
                await FailoverMatrixTests.AnswerAsFallback(context, request);
                return;
            }

            await FakeResponses.StartSse(context);
            await FakeResponses.WriteEvent(context, "message_start", """{"type":"message_start","message":{"id":"m","usage":{"input_tokens":1,"output_tokens":1}}}""");
            if (request.Body.Contains("after"))
            {
                await FakeResponses.WriteEvent(context, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"partial"}}""");

                // Reset only once the client holds the token: a reset can discard data still in the socket buffer.
                await tokenReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            context.Abort();
        });
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        var before = await CollectAsync(client.GetStreamingResponseAsync("before"));
        Assert.Equal("fallback answer", string.Concat(before.Select(u => u.Text)));

        using var fresh = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());
        var received = new List<string>();
        var error = await Assert.ThrowsAsync<ModelRequestException>(async () =>
        {
            await foreach (var update in fresh.GetStreamingResponseAsync("after"))
            {
                received.Add(update.Text);
                tokenReceived.TrySetResult();
            }
        });
        Assert.Equal(["partial"], received);
        Assert.Equal(FailureReason.StreamError, error.Reason);
        Assert.Equal(0, server.Requests.Count(r => r.Path.StartsWith("/b/") && r.Body.Contains("after")));
    }

    [Fact]
    public async Task Malformed_json_body_falls_back()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/a/") ? context.Json("{\"id\": \"msg\", \"content\": [") : context.Json(AnthropicOk));
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("b/two", response.ModelId);
    }

    [Theory]
    [InlineData("data: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"\n\n")] // truncated JSON in data
    [InlineData("<html><body>Bad gateway</body></html>")] // not SSE at all
    [InlineData("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n")] // ends without message_stop
    public async Task Malformed_sse_before_any_token_falls_back(string rawBody)
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, request) =>
        {
            if (request.Path.StartsWith("/b/"))
            {
                await FailoverMatrixTests.AnswerAsFallback(context, request);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(rawBody);
        });
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        var updates = await CollectAsync(client.GetStreamingResponseAsync("hi"));

        Assert.Equal("fallback answer", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(1, server.CountFor("/a/"));
    }

    [Fact]
    public async Task Anthropic_error_event_before_the_first_token_falls_back_and_after_it_surfaces()
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, request) =>
        {
            if (request.Path.StartsWith("/b/"))
            {
                await FailoverMatrixTests.AnswerAsFallback(context, request);
                return;
            }

            await FakeResponses.StartSse(context);
            await FakeResponses.WriteEvent(context, "message_start", """{"type":"message_start","message":{"id":"m","usage":{"input_tokens":1,"output_tokens":1}}}""");
            if (request.Body.Contains("after"))
            {
                await FakeResponses.WriteEvent(context, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}""");
            }

            await FakeResponses.WriteEvent(context, "error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");
        });
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        var before = await CollectAsync(client.GetStreamingResponseAsync("before"));
        Assert.All(before, u => Assert.Equal("b/two", u.ModelId));

        using var fresh = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());
        var error = await Assert.ThrowsAsync<ModelRequestException>(() => CollectAsync(fresh.GetStreamingResponseAsync("after")));
        Assert.Equal("a/one", error.ModelRef);
        Assert.Equal("overloaded_error", error.Attempt.ErrorType);
    }

    [Fact]
    public async Task Slow_streaming_server_times_out_on_headers_and_falls_back()
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, request) =>
        {
            if (request.Path.StartsWith("/a/"))
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            await FailoverMatrixTests.AnswerAsFallback(context, request);
        });
        var options = Options();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: options);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("hi"));

        Assert.Equal("fallback answer", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task A_slow_server_within_the_timeout_is_waited_for()
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(200);
            await context.Json(AnthropicOk);
        });
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        Assert.Equal("a/one", (await client.GetResponseAsync("hi")).ModelId);
    }

    [Fact]
    public async Task Cancelling_mid_stream_propagates_without_fallback()
    {
        using var cancellation = new CancellationTokenSource();
        await using var server = await FakeProviderServer.StartAsync(async (context, _) =>
        {
            await FakeResponses.StartSse(context);
            await FakeResponses.WriteEvent(context, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}""");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = new CatalogChatClient(TwoModels(server.BaseUrl), options: Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hi", cancellationToken: cancellation.Token))
            {
                cancellation.Cancel();
            }
        });
        Assert.Equal(0, server.CountFor("/b/"));
    }
}

using ModelCatalog.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Failover;

/// <summary>One test (or theory) per row of the failover table in README.md (Fallbacks).</summary>
public sealed class FailoverMatrixTests
{
    private const string AnthropicOk = """{"id":"msg_ok","model":"claude","content":[{"type":"text","text":"fallback answer"}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":2}}""";
    private const string ChatOk = """{"id":"c","model":"gpt","choices":[{"index":0,"message":{"role":"assistant","content":"primary answer"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}""";

    /// <summary>
    /// primary: /p (openai-completions, 128k window) with two models; fallback: /f (anthropic, 200k window); big: /b (1M window).
    /// Fallback order: p/second, f/claude, b/big.
    /// </summary>
    private static Catalog BuildCatalog(string baseUrl, string primaryKey = "${OPENAI_API_KEY}") => Catalog.CreateBuilder()
        .AddProvider("p", baseUrl + "/p/v1", ModelApi.OpenAICompletions, primaryKey)
        .AddModel("p", "first", cost: new ModelCost(1m, 1m), contextWindow: 128_000)
        .AddModel("p", "second", cost: new ModelCost(1m, 1m), contextWindow: 128_000)
        .AddProvider("f", baseUrl + "/f", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel("f", "claude", cost: new ModelCost(3m, 15m), contextWindow: 200_000)
        .AddProvider("b", baseUrl + "/b", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel("b", "big", cost: new ModelCost(3m, 15m), contextWindow: 1_000_000)
        .SetPrimary("p/first")
        .AddFallback("p/second")
        .AddFallback("f/claude")
        .AddFallback("p/first") // duplicates are tried once
        .AddFallback("b/big")
        .Build();

    private static Task<FakeProviderServer> StartAsync(Func<HttpContext, RecordedRequest, Task> primary) =>
        FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/p/", StringComparison.Ordinal) ? primary(context, request) : AnswerAsFallback(context, request));

    internal static Task AnswerAsFallback(HttpContext context, RecordedRequest request) => request.Json.GetProperty("stream").GetBoolean()
        ? context.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_ok","model":"claude","usage":{"input_tokens":5,"output_tokens":1}}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"fallback answer"}}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}"""),
            ("message_stop", """{"type":"message_stop"}"""))
        : context.Json(AnthropicOk);

    private static Func<HttpContext, RecordedRequest, Task> Status(int status, string body, params (string, string)[] headers) =>
        (context, _) => context.Json(body, status, headers);

    [Fact]
    public async Task Caller_cancellation_propagates_and_never_falls_back()
    {
        using var cancellation = new CancellationTokenSource();
        var gate = new TaskCompletionSource();
        await using var server = await StartAsync(async (context, _) =>
        {
            gate.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var call = client.GetResponseAsync("hi", cancellationToken: cancellation.Token);
        await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, server.CountFor("/f/"));
        Assert.Equal(0, client.Ledger.Calls);
    }

    [Fact]
    public async Task Own_timeout_falls_back_to_the_next_model()
    {
        await using var server = await StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var options = Options();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: options);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal("fallback answer", response.Text);
    }

    [Fact]
    public async Task Connection_refused_falls_back_to_the_next_model()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(AnthropicOk));
        var closedPort = FreePort();
        var catalog = Catalog.CreateBuilder()
            .AddProvider("lmstudio", $"http://127.0.0.1:{closedPort}/v1", ModelApi.OpenAIResponses, "lmstudio")
            .AddModel("lmstudio", "local")
            .AddProvider("f", server.BaseUrl + "/f", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
            .AddModel("f", "claude")
            .SetPrimary("lmstudio/local").AddFallback("f/claude").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
    }

    [Fact]
    public async Task Network_failures_are_retried_twice_before_the_next_model()
    {
        // README.md (Fallbacks): connection refused is retried up to twice (MaxRetries), then the next model.
        var catalog = Catalog.CreateBuilder()
            .AddProvider("a", $"http://127.0.0.1:{FreePort()}/v1", ModelApi.OpenAICompletions, "local")
            .AddModel("a", "one")
            .AddProvider("b", $"http://127.0.0.1:{FreePort()}/v1", ModelApi.OpenAICompletions, "local")
            .AddModel("b", "two")
            .SetPrimary("a/one").AddFallback("b/two").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(new[] { "a/one", "a/one", "a/one", "b/two", "b/two", "b/two" }, error.Attempts.Select(a => a.ModelRef));
        Assert.All(error.Attempts, attempt => Assert.Equal(FailureReason.Network, attempt.Reason));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(425)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried_twice_honouring_Retry_After_then_fall_back(int status)
    {
        await using var server = await StartAsync(Status(status, """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""", ("retry-after", "3")));
        var delay = new RecordingDelay();
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(6, server.CountFor("/p/")); // first and second: 1 + 2 retries each
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 4), delay.Delays);
    }

    [Fact]
    public async Task Retry_after_ms_is_honoured_and_a_wait_beyond_the_cap_moves_on_at_once()
    {
        await using var server = await StartAsync((context, request) => server_429(context, request));
        var delay = new RecordingDelay();
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        await client.GetResponseAsync("hi");

        // p/first: retry-after-ms 250 (retried twice); p/second: retry-after 60 s > 10 s cap (no retry).
        Assert.Equal(3, server.Requests.Count(r => r.Body.Contains("\"first\"")));
        Assert.Equal(1, server.Requests.Count(r => r.Body.Contains("\"second\"")));
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], delay.Delays);

        static Task server_429(HttpContext context, RecordedRequest request) => request.Body.Contains("\"first\"")
            ? context.Json("{}", 429, ("retry-after-ms", "250"))
            : context.Json("{}", 429, ("retry-after", "60"));
    }

    [Theory]
    [InlineData(429, """{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}""")]
    [InlineData(402, """{"error":{"message":"Payment required"}}""")]
    [InlineData(400, """{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}""")]
    public async Task Billing_errors_fall_back_without_retry(int status, string body)
    {
        await using var server = await StartAsync(Status(status, body));
        var delay = new RecordingDelay();
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(2, server.CountFor("/p/")); // each p model once
        Assert.Empty(delay.Delays);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(529)]
    public async Task Server_errors_are_retried_with_backoff_then_fall_back(int status)
    {
        await using var server = await StartAsync(Status(status, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
        var delay = new RecordingDelay();
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(6, server.CountFor("/p/"));
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], delay.Delays);
    }

    [Fact]
    public async Task X_should_retry_false_suppresses_the_retry()
    {
        await using var server = await StartAsync(Status(503, "{}", ("x-should-retry", "false")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        await client.GetResponseAsync("hi");

        Assert.Equal(2, server.CountFor("/p/"));
    }

    [Theory]
    [InlineData("""{"error":{"message":"Something went wrong","type":"stream_failure"}}""", 1)] // StreamError: no retry
    [InlineData("""{"error":{"message":"Overloaded","type":"server_error"}}""", 3)] // ServerError by its content: retried
    [InlineData("""{"object":"error","message":"Engine overloaded","type":"InternalServerError","code":503}""", 3)]
    public async Task Sse_error_object_before_the_first_token_falls_back_after_the_retries_its_content_allows(
        string errorChunk, int requestsPerModel)
    {
        var delay = new RecordingDelay();
        await using var server = await StartAsync((context, _) => context.Sse((null, errorChunk), (null, "[DONE]")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        var updates = await CollectAsync(client.GetStreamingResponseAsync("hi"));

        Assert.Equal("fallback answer", string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Equal("f/claude", u.ModelId));
        Assert.Equal(2 * requestsPerModel, server.CountFor("/p/")); // p/first and p/second
        Assert.Equal(2 * (requestsPerModel - 1), delay.Delays.Count);
    }

    [Fact]
    public async Task Any_failure_after_the_first_streamed_token_surfaces_and_never_falls_back()
    {
        await using var server = await StartAsync((context, _) => context.Sse(
            (null, """{"id":"c","choices":[{"index":0,"delta":{"content":"Hel"}}]}"""),
            (null, """{"error":{"message":"Overloaded","type":"server_error"}}""")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ModelRequestException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hi"))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(["Hel"], received);
        Assert.Equal("p/first", error.ModelRef);
        Assert.Equal(FailureReason.ServerError, error.Reason); // an overloaded server, yet no retry: the caller has output
        Assert.Equal("Overloaded", error.Attempt.Message);
        Assert.Equal(1, server.CountFor("/p/"));
        Assert.Equal(0, server.CountFor("/f/"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Auth_failures_skip_every_model_of_that_provider(int status)
    {
        await using var server = await StartAsync(Status(status, """{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"""));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(1, server.CountFor("/p/")); // p/second was skipped, not called
    }

    [Fact]
    public async Task An_unresolved_key_variable_skips_the_provider_without_a_network_call_and_names_the_variable()
    {
        await using var server = await StartAsync(Status(200, ChatOk));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, "${P_API_KEY}"), options: Options());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(0, server.CountFor("/p/"));
    }

    [Fact]
    public async Task A_key_that_was_not_compiled_in_fails_with_the_prescribed_message()
    {
        var catalog = Catalog.CreateBuilder()
            .AddProviderCore("acme", "https://llm.acme.example/v1", "openai-completions", null, false, null, isApiKeyOmitted: true)
            .AddModelCore("acme", "m1", null, ModelCost.Unknown, 1000, null, false, ModelInput.Text, null, null)
            .SetPrimary("acme/m1").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(FailureReason.Configuration, attempt.Reason);
        Assert.Equal("literal key for acme is not compiled in; use ${VAR}", attempt.Message);
    }

    [Fact]
    public async Task Not_found_falls_back_without_retry()
    {
        await using var server = await StartAsync(Status(404, """{"error":{"message":"The model does not exist","code":"model_not_found"}}"""));
        var delay = new RecordingDelay();
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(delay));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
        Assert.Equal(2, server.CountFor("/p/"));
        Assert.Empty(delay.Delays);
    }

    [Theory]
    [InlineData(400, """{"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error","code":"context_length_exceeded"}}""")]
    [InlineData(400, """{"error":{"message":"invalid params, context window exceeds limit"}}""")]
    [InlineData(400, """{"error":"tokens to keep from the initial prompt is greater than the context length"}""")]
    [InlineData(413, """{"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}}""")]
    public async Task Context_overflow_goes_only_to_a_model_with_a_larger_context_window(int status, string body)
    {
        await using var server = await StartAsync(Status(status, body));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = await client.GetResponseAsync("a very long prompt");

        Assert.Equal("f/claude", response.ModelId); // p/second has the same 128k window: skipped
        Assert.Equal(1, server.CountFor("/p/"));
    }

    [Fact]
    public async Task Context_overflow_on_a_larger_window_skips_smaller_fallbacks()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) => request.Path.StartsWith("/f/")
            ? context.Json("""{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 213462 tokens > 200000 maximum"}}""", 400)
            : request.Path.StartsWith("/b/") ? context.Json(AnthropicOk) : context.Json("{}", 500));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("f", server.BaseUrl + "/f", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}").AddModel("f", "claude", contextWindow: 200_000)
            .AddProvider("p", server.BaseUrl + "/p/v1", ModelApi.OpenAICompletions, "${OPENAI_API_KEY}").AddModel("p", "small", contextWindow: 128_000)
            .AddProvider("b", server.BaseUrl + "/b", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}").AddModel("b", "big", contextWindow: 1_000_000)
            .SetPrimary("f/claude").AddFallback("p/small").AddFallback("b/big").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var response = await client.GetResponseAsync("long");

        Assert.Equal("b/big", response.ModelId);
        Assert.Equal(0, server.CountFor("/p/"));
    }

    [Fact]
    public async Task Context_overflow_with_no_larger_model_fails_listing_the_skipped_ones()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) =>
            context.Json("""{"error":{"message":"context_length_exceeded","code":"context_length_exceeded"}}""", 400));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("p", server.BaseUrl + "/p/v1", ModelApi.OpenAICompletions, "${OPENAI_API_KEY}")
            .AddModel("p", "a", contextWindow: 128_000).AddModel("p", "b", contextWindow: 64_000)
            .SetPrimary("p/a").AddFallback("p/b").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("long"));

        Assert.Equal([FailureReason.ContextOverflow, FailureReason.Skipped], error.Attempts.Select(a => a.Reason));
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400, """{"error":{"message":"Invalid value for 'temperature'","type":"invalid_request_error","code":"invalid_value"}}""")]
    [InlineData(422, """{"error":{"message":"Unprocessable"}}""")]
    public async Task Plain_400_and_422_never_reach_the_fallback(int status, string body)
    {
        await using var server = await StartAsync(Status(status, body));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var error = await Assert.ThrowsAsync<ModelRequestException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(FailureReason.BadRequest, error.Reason);
        Assert.Single(server.Requests);
        Assert.Equal(0, server.CountFor("/f/"));
    }

    [Fact]
    public async Task A_200_with_a_MiniMax_base_resp_error_falls_back()
    {
        await using var server = await StartAsync(Status(200, """{"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}"""));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("f/claude", response.ModelId);
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

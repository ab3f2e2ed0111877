using System.Diagnostics;
using ModelCatalog.Runtime.Tests.Infrastructure;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// The handed cases 01-error-object-then-done, 02-empty-finish-reason and 12-stalled-stream-timeout
/// (tests/data/cases/providers), every run, with every value under their "Expected".
/// </summary>
public sealed class StreamFaultCaseTests
{
    [Theory]
    [InlineData("script.json")]          // run A: role chunk, {"object":"error",…}, [DONE]
    [InlineData("script.unframed.json")] // run B: a bare {"error":…} line without data:, then [DONE]
    public async Task Case_01_error_object_then_done_fails_over_to_the_larger_window(string script)
    {
        await using var server = await ScriptedProvider.Load("01-error-object-then-done", script).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var updates = await TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" }));
        var response = updates.ToChatResponse();

        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal("back/fallback-model", response.ModelId);
        Assert.Equal(1, server.CountFor("/back/v1/chat/completions"));
        Assert.Equal(1, server.CountFor("/oai/v1/chat/completions")); // a context overflow is not retried
        Assert.Equal(7, response.Usage!.TotalTokenCount);
        Assert.Equal(0.000007m, response.GetCost());
    }

    [Theory]
    [InlineData("script.json", "maximum context length is 32768 tokens", "BadRequestError", "400")]
    [InlineData("script.unframed.json", "exceeds the available context size", "exceed_context_size_error", "400")]
    public async Task Case_01_error_object_then_done_without_fallback_names_the_providers_error(
        string script, string providerText, string errorType, string errorCode)
    {
        await using var server = await ScriptedProvider.Load("01-error-object-then-done", script).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" })));

        Assert.Contains(providerText, error.Message);
        var attempt = Assert.Single(error.Attempts);
        Assert.Equal("oai/gpt-4.1-mini", attempt.ModelRef);
        Assert.Equal(FailureReason.ContextOverflow, attempt.Reason);
        Assert.Contains(providerText, attempt.Message);
        Assert.Equal(errorType, attempt.ErrorType);
        Assert.Equal(errorCode, attempt.ErrorCode);
        Assert.DoesNotContain("dummy-", error.Message);
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Theory]
    [InlineData(true)]  // run A: fallback configured, never called
    [InlineData(false)] // run B: no fallback
    public async Task Case_02_empty_finish_reason_streaming(bool withFallback)
    {
        await using var server = await ScriptedProvider.Load("02-empty-finish-reason").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback), null, ProviderCases.Options());

        var updates = await TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" }));
        var response = updates.ToChatResponse();

        Assert.Equal(" Hello there!", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        Assert.Equal("chatcmpl-abc", response.ResponseId);
        AssertUsage(response, 10, 3, 13);
        Assert.Equal(0.0000425m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/v1/chat/completions"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Case_02_empty_finish_reason_non_streaming()
    {
        await using var server = await ScriptedProvider.Load("02-empty-finish-reason", "script.nonstream.json").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" });

        Assert.Equal("Hello there!", response.Text);
        Assert.Null(response.FinishReason); // "" is no reason, not an error
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        AssertUsage(response, 10, 3, 13);
        Assert.Equal(0.0000425m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/v1/chat/completions"));
    }

    [Fact]
    public async Task Case_12_stalled_stream_times_out_and_fails_over_before_the_callers_deadline()
    {
        await using var server = await ScriptedProvider.Load("12-stalled-stream-timeout").StartAsync();
        var options = ProviderCases.Options();
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, options);
        using var callerDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(12));
        var clock = Stopwatch.StartNew();

        var updates = await TestSupport.CollectAsync(client.GetStreamingResponseAsync(
            ProviderCases.Question(), new ChatOptions { ModelId = "anth/claude-sonnet-4-5" }, callerDeadline.Token));
        var response = updates.ToChatResponse();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(11), "took " + clock.Elapsed);
        Assert.False(callerDeadline.IsCancellationRequested);
        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal("back/fallback-model", response.ModelId);
        Assert.Equal(1, server.CountFor("/back/v1/chat/completions"));
        Assert.InRange(server.CountFor("/anth/v1/messages"), 1, 3);
    }

    internal static void AssertUsage(ChatResponse response, long input, long output, long total)
    {
        Assert.NotNull(response.Usage);
        Assert.Equal(input, response.Usage!.InputTokenCount);
        Assert.Equal(output, response.Usage.OutputTokenCount);
        Assert.Equal(total, response.Usage.TotalTokenCount);
    }
}

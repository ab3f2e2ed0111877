using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Cases.Scripted;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// Same kind as case 10: every usage dialect maps onto <see cref="UsageDetails"/> and prices what the provider bills,
/// to the last decimal (README.md, Usage and cost tracking: the chat, Responses and Anthropic dialects), streamed and not.
/// </summary>
public sealed class UsageDialectTests
{
    public static TheoryData<string, long, long?, long, long?, long, decimal> ChatUsages => new()
    {
        // usage JSON, input, cached, output, reasoning, total, cost at 1.25 / 10 / 0.125 (oai/gpt-4.1-mini)
        { """{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":64}}""",
            2006, 1920, 300, 64, 2306, 0.0033475m },
        { """{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_cache_hit_tokens":1920,"prompt_cache_miss_tokens":86}""",
            2006, 1920, 300, null, 2306, 0.0033475m },
        { """{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"cached_tokens":1920}""",
            2006, 1920, 300, null, 2306, 0.0033475m },
        { """{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"prompt_cache_hit_tokens":1000}""",
            2006, 1920, 300, null, 2306, 0.0033475m },
        { """{"prompt_tokens":10,"completion_tokens":50,"total_tokens":80,"completion_tokens_details":{"reasoning_tokens":20}}""",
            10, null, 70, 20, 80, 0.0007125m },
        { """{"prompt_tokens":10,"completion_tokens":50,"total_tokens":60,"completion_tokens_details":{"reasoning_tokens":20}}""",
            10, null, 50, 20, 60, 0.0005125m },
    };

    [Theory]
    [MemberData(nameof(ChatUsages))]
    public async Task Chat_usage_dialects_non_streaming(string usage, long input, long? cached, long output, long? reasoning, long total, decimal cost)
    {
        await using var server = await Serve(Json(ChatResponse("""{"role":"assistant","content":"Hi"}""", "stop", usage)));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" });

        AssertUsage(response, input, cached, output, reasoning, total, cost);
    }

    [Theory]
    [MemberData(nameof(ChatUsages))]
    public async Task Chat_usage_dialects_in_the_streamed_usage_chunk(string usage, long input, long? cached, long output, long? reasoning, long total, decimal cost)
    {
        await using var server = await Serve(ChatStream(Delta("""{"content":"Hi"}"""), Delta("{}", "stop"), UsageChunk(usage)));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" });

        AssertUsage(response, input, cached, output, reasoning, total, cost);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Xai_reasoning_outside_completion_tokens_is_billed_as_output_vector_X1(bool streaming)
    {
        const string Usage = """{"prompt_tokens":12,"completion_tokens":1,"total_tokens":241,"completion_tokens_details":{"reasoning_tokens":228}}""";
        await using var server = await Serve(streaming
            ? ChatStream(Delta("""{"content":"Hi"}"""), Delta("{}", "stop"), UsageChunk(Usage))
            : Json(ChatResponse("""{"role":"assistant","content":"Hi"}""", "stop", Usage)));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("xai", server.BaseUrl + "/v1", ModelApi.OpenAICompletions, "${XAI_KEY}")
            .AddModel("xai", "grok-4-fast", cost: new ModelCost(0.2m, 0.5m, 0.05m, 0m))
            .SetPrimary("xai/grok-4-fast")
            .Build();
        using var client = new CatalogChatClient(catalog, null, ProviderCases.Options());

        var response = streaming
            ? await Stream(client, ProviderCases.Question(), new ChatOptions())
            : await client.GetResponseAsync(ProviderCases.Question());

        AssertUsage(response, 12, null, 229, 228, 241, 0.0001169m);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Responses_cached_and_reasoning_details_vector_O1(bool streaming)
    {
        const string Usage = """{"input_tokens":2006,"input_tokens_details":{"cached_tokens":1920},"output_tokens":300,"output_tokens_details":{"reasoning_tokens":64},"total_tokens":2306}""";
        await using var server = await Serve(streaming
            ? Events(
                """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}""",
                """{"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],"usage":""" + Usage + "}}")
            : Json("""{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"m","role":"assistant","content":[{"type":"output_text","text":"Hi"}]}],"usage":""" + Usage + "}"));
        using var client = NewClient(server);

        var response = streaming
            ? await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = "resp/gpt-5-mini" })
            : await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "resp/gpt-5-mini" });

        AssertUsage(response, 2006, 1920, 300, 64, 2306, 0.0033475m);
    }

    [Theory]
    [InlineData(false, 188086, 0, 188107, 0.07101015)]
    [InlineData(true, 188086, 0, 188107, 0.07101015)]
    [InlineData(false, 0, 188086, 188107, 0.00612048)]
    [InlineData(true, 0, 188086, 188107, 0.00612048)]
    public async Task Anthropic_cache_writes_and_reads_vectors_A1_A2_with_reasoning_details(bool streaming, long cacheWrite, long cacheRead, long input, double cost)
    {
        var usage = """{"input_tokens":21,"cache_creation_input_tokens":CW,"cache_read_input_tokens":CR,"output_tokens":393,"output_tokens_details":{"reasoning_tokens":100}}"""
            .Replace("CW", cacheWrite.ToString(), StringComparison.Ordinal).Replace("CR", cacheRead.ToString(), StringComparison.Ordinal);
        await using var server = await Serve(streaming
            ? Events(
                """{"type":"message_start","message":{"id":"msg_1","model":"MiniMax-M2.5","content":[],"usage":{"input_tokens":21,"cache_creation_input_tokens":CW,"cache_read_input_tokens":CR,"output_tokens":1}}}"""
                    .Replace("CW", cacheWrite.ToString(), StringComparison.Ordinal).Replace("CR", cacheRead.ToString(), StringComparison.Ordinal),
                """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Hi"}}""",
                """{"type":"content_block_stop","index":0}""",
                """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":393,"output_tokens_details":{"reasoning_tokens":100}}}""",
                """{"type":"message_stop"}""")
            : Json("""{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","usage":""" + usage + "}"));
        using var client = NewClient(server);
        var options = new ChatOptions { ModelId = "mmant/MiniMax-M2.5" };

        var response = streaming ? await Stream(client, ProviderCases.Question(), options) : await client.GetResponseAsync(ProviderCases.Question(), options);

        AssertUsage(response, input, cacheRead, 393, 100, input + 393, (decimal)cost);
        Assert.Equal(cacheWrite, response.Usage!.AdditionalCounts?.GetValueOrDefault("CacheCreationInputTokens") ?? 0);
    }

    private static void AssertUsage(ChatResponse response, long input, long? cached, long output, long? reasoning, long total, decimal cost)
    {
        var usage = response.Usage!;
        Assert.Equal(input, usage.InputTokenCount);
        Assert.Equal(cached, usage.CachedInputTokenCount);
        Assert.Equal(output, usage.OutputTokenCount);
        Assert.Equal(reasoning, usage.ReasoningTokenCount);
        Assert.Equal(total, usage.TotalTokenCount);
        Assert.Equal(cost, response.GetCost());
    }
}

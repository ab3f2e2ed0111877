using System.Text.Json;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Protocols;

public sealed class AnthropicMessagesTests
{
    private static readonly ModelCost MiniMaxPrice = new(0.3m, 1.2m, 0.03m, 0.375m);

    private static Catalog BuildCatalog(string baseUrl, bool authHeader) => Catalog.CreateBuilder()
        .AddProvider("minimax", baseUrl + "/anthropic/", ModelApi.AnthropicMessages, "${MINIMAX_API_KEY}", authHeader,
            new Dictionary<string, string> { ["X-Title"] = "${APP_TITLE}" })
        .AddModel("minimax", "MiniMax-M2.1", cost: MiniMaxPrice, contextWindow: 204_800, maxTokens: 131_072, reasoning: true)
        .AddAlias("mm", "minimax/MiniMax-M2.1")
        .SetPrimary("mm")
        .Build();

    private const string CacheWriteResponse = """
        {"id":"msg_01","type":"message","role":"assistant","model":"MiniMax-M2.1-20260101",
         "content":[{"type":"thinking","thinking":"User wants a greeting.","signature":"EqQBCgIYAhIM"},{"type":"text","text":"Hi!"}],
         "stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":21,"cache_creation_input_tokens":188086,"cache_read_input_tokens":0,"output_tokens":393}}
        """;

    [Fact]
    public async Task Non_streaming_request_is_exact_and_response_usage_and_cost_follow_MEAI_conventions()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(CacheWriteResponse));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: false), options: Options());

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are terse."), new ChatMessage(ChatRole.User, "Say hi")],
            new ChatOptions { Temperature = 0.7f, TopP = 0.9f, StopSequences = ["END"] });

        var request = server.Single("/anthropic");
        Assert.Equal("POST", request.Method);
        Assert.Equal("/anthropic/v1/messages", request.Path);
        Assert.Equal(MiniMaxKey, request.Header("x-api-key"));
        Assert.Null(request.Header("authorization"));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
        Assert.Equal("catalog-tests", request.Header("x-title"));
        Assert.StartsWith("application/json", request.Header("content-type"));
        JsonEqual("""
            {"model":"MiniMax-M2.1","max_tokens":131072,"system":"You are terse.",
             "messages":[{"role":"user","content":[{"type":"text","text":"Say hi"}]}],
             "temperature":0.7,"top_p":0.9,"stop_sequences":["END"],"stream":false}
            """, request.Body);

        Assert.Equal("minimax/MiniMax-M2.1", response.ModelId);
        Assert.Equal("MiniMax-M2.1-20260101", response.AdditionalProperties![CatalogChatClient.ProviderModelIdPropertyName]);
        Assert.Equal("msg_01", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("Hi!", response.Text);
        var reasoning = Assert.Single(response.Messages[0].Contents.OfType<TextReasoningContent>());
        Assert.Equal("User wants a greeting.", reasoning.Text);
        Assert.Equal("EqQBCgIYAhIM", reasoning.ProtectedData);

        // A1: the MEAI view of a MiniMax cache write.
        Assert.Equal(188_107, response.Usage!.InputTokenCount);
        Assert.Equal(0, response.Usage.CachedInputTokenCount);
        Assert.Equal(188_086, response.Usage.AdditionalCounts!["CacheCreationInputTokens"]);
        Assert.Equal(393, response.Usage.OutputTokenCount);
        Assert.Equal(188_500, response.Usage.TotalTokenCount);
        Assert.Equal(0.07101015m, response.GetCost());

        var totals = client.Ledger.GetTotals("minimax/MiniMax-M2.1");
        Assert.Equal(1, totals.Calls);
        Assert.Equal(0.07101015m, totals.Cost);
        Assert.Equal(188_086, totals.CacheWriteTokens);
    }

    [Fact]
    public async Task AuthHeader_sends_only_a_bearer_token_and_keeps_the_anthropic_version()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(CacheWriteResponse));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());

        await client.GetResponseAsync("Say hi");

        var request = server.Single("/anthropic");
        Assert.Equal("Bearer " + MiniMaxKey, request.Header("authorization"));
        Assert.Null(request.Header("x-api-key"));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
    }

    [Fact]
    public async Task Streaming_merges_usage_from_message_start_and_a_partial_message_delta_and_reports_it_once()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"MiniMax-M2.1","content":[],"stop_reason":null,"usage":{"input_tokens":21,"cache_creation_input_tokens":0,"cache_read_input_tokens":188086,"output_tokens":1}}}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
            ("ping", """{"type":"ping"}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"!"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":393}}"""),
            ("message_stop", """{"type":"message_stop"}""")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Say hi"));

        Assert.True(server.Single("/anthropic").Json.GetProperty("stream").GetBoolean());
        Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.All(updates, u => Assert.Equal("minimax/MiniMax-M2.1", u.ModelId));
        Assert.Equal(0.00612048m, updates[^1].GetCost());
        var response = updates.ToChatResponse();
        Assert.Equal("Hi!", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(188_107, response.Usage!.InputTokenCount);
        Assert.Equal(188_086, response.Usage.CachedInputTokenCount);
        Assert.Equal(393, response.Usage.OutputTokenCount);
        Assert.Equal(0.00612048m, response.GetCost());
        Assert.Equal(0.00612048m, client.Ledger.TotalCost);
    }

    [Fact]
    public async Task Streaming_thinking_with_signature_and_tool_use_fragments_become_contents()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_03","model":"MiniMax-M2.1","usage":{"input_tokens":50,"output_tokens":1}}}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Need the "}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"weather."}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"SIG-1"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            ("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Par"}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"is\"}"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":1}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":40}}"""),
            ("message_stop", """{"type":"message_stop"}""")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());

        var response = (await CollectAsync(client.GetStreamingResponseAsync("Weather in Paris?"))).ToChatResponse();

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var reasoning = Assert.Single(response.Messages[0].Contents.OfType<TextReasoningContent>());
        Assert.Equal("Need the weather.", reasoning.Text);
        Assert.Equal("SIG-1", reasoning.ProtectedData);
        var call = Assert.Single(response.Messages[0].Contents.OfType<FunctionCallContent>());
        Assert.Equal("toolu_01", call.CallId);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", ((JsonElement)call.Arguments!["city"]!).GetString());
    }

    [Fact]
    public async Task Multi_turn_history_replays_thinking_with_signature_tool_use_and_merged_tool_results()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(CacheWriteResponse));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Weather in Paris and Rome?"),
            new(ChatRole.Assistant,
            [
                new TextReasoningContent("Two calls.") { ProtectedData = "SIG-2" },
                new TextReasoningContent("no signature: not replayable"),
                new FunctionCallContent("toolu_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }),
                new FunctionCallContent("toolu_2", "get_weather", new Dictionary<string, object?> { ["city"] = "Rome" }),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("toolu_1", "18C")]),
            new(ChatRole.Tool, [new FunctionResultContent("toolu_2", "21C")]),
        ];

        await client.GetResponseAsync(history, new ChatOptions { Instructions = "Be brief.", MaxOutputTokens = 512 });

        JsonEqual("""
            {"model":"MiniMax-M2.1","max_tokens":512,"system":"Be brief.","messages":[
              {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"}]},
              {"role":"assistant","content":[
                {"type":"thinking","thinking":"Two calls.","signature":"SIG-2"},
                {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
              {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                {"type":"tool_result","tool_use_id":"toolu_2","content":"21C"}]}],
             "stream":false}
            """, server.Single("/anthropic").Body);
    }

    [Fact]
    public async Task Tools_are_declared_with_input_schema_and_UseFunctionInvocation_completes_the_loop()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
        {
            var hasResult = request.Body.Contains("tool_result", StringComparison.Ordinal);
            return context.Json(hasResult
                ? """{"id":"msg_b","model":"m","content":[{"type":"text","text":"It is 18C."}],"stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":5}}"""
                : """{"id":"msg_a","model":"m","content":[{"type":"thinking","thinking":"call it","signature":"S"},{"type":"tool_use","id":"toolu_9","name":"GetWeather","input":{"city":"Paris"}}],"stop_reason":"tool_use","usage":{"input_tokens":20,"output_tokens":10}}""");
        });
        using var inner = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());
        using var client = inner.AsBuilder().UseFunctionInvocation().Build();
        var tool = AIFunctionFactory.Create((string city) => city == "Paris" ? "18C" : "?", "GetWeather", "Current weather");

        var response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.RequireAny });

        Assert.Equal("It is 18C.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        var first = server.Requests[0].Json;
        var declared = first.GetProperty("tools")[0];
        Assert.Equal("GetWeather", declared.GetProperty("name").GetString());
        Assert.Equal("object", declared.GetProperty("input_schema").GetProperty("type").GetString());
        Assert.Equal("any", first.GetProperty("tool_choice").GetProperty("type").GetString());
        var second = server.Requests[1].Json.GetProperty("messages");
        Assert.Equal("thinking", second[1].GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal("tool_result", second[2].GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal("18C", second[2].GetProperty("content")[0].GetProperty("content").GetString());
        Assert.Equal(2, inner.Ledger.GetTotals("minimax/MiniMax-M2.1").Calls);
    }

    [Fact]
    public async Task A_200_with_a_MiniMax_base_resp_error_and_no_content_is_a_failure()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) =>
            context.Json("""{"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}"""));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl, authHeader: true), options: Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(FailureReason.Billing, attempt.Reason);
        Assert.Contains("insufficient balance", attempt.Message);
    }
}

using System.Text.Json;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Protocols;

public sealed class OpenAIChatCompletionsTests
{
    private static readonly ModelCost GptPrice = new(1.25m, 10m, 0.125m);

    private static Catalog BuildCatalog(string baseUrl) => Catalog.CreateBuilder()
        .AddProvider("compat", baseUrl + "/v1/", ModelApi.OpenAICompletions, "${OPENAI_API_KEY}")
        .AddModel("compat", "gpt-4.1-mini", cost: GptPrice, contextWindow: 128_000, maxTokens: 256)
        .AddProvider("minimax-oai", baseUrl + "/mm/v1", ModelApi.OpenAICompletions, "${MINIMAX_API_KEY}")
        .AddModel("minimax-oai", "MiniMax-M2.5", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), reasoning: true)
        .SetPrimary("compat/gpt-4.1-mini")
        .Build();

    private const string O1Response = """
        {"id":"chatcmpl-abc123","object":"chat.completion","created":1755000000,"model":"gpt-4.1-mini-2025-04-14",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
                  "prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":64}}}
        """;

    [Fact]
    public async Task Non_streaming_request_is_exact_and_cached_prompt_tokens_are_priced_as_cache_reads()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(O1Response));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are terse."), new ChatMessage(ChatRole.User, "Say hi"),
             new ChatMessage(ChatRole.Assistant, "Hi"), new ChatMessage(ChatRole.User, "Again")],
            new ChatOptions { Temperature = 0.5f, TopP = 0.8f, StopSequences = ["\n\n"], Seed = 7, FrequencyPenalty = 0.1f });

        var request = server.Single("/v1");
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + OpenAIKey, request.Header("authorization"));
        Assert.Null(request.Header("x-api-key"));
        JsonEqual("""
            {"model":"gpt-4.1-mini","messages":[
               {"role":"system","content":"You are terse."},{"role":"user","content":"Say hi"},
               {"role":"assistant","content":"Hi"},{"role":"user","content":"Again"}],
             "max_tokens":256,"temperature":0.5,"top_p":0.8,"frequency_penalty":0.1,"seed":7,"stop":["\n\n"],"stream":false}
            """, request.Body);

        Assert.Equal("compat/gpt-4.1-mini", response.ModelId);
        Assert.Equal("gpt-4.1-mini-2025-04-14", response.AdditionalProperties![CatalogChatClient.ProviderModelIdPropertyName]);
        Assert.Equal("Hi!", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755000000), response.CreatedAt);
        Assert.Equal(2006, response.Usage!.InputTokenCount);
        Assert.Equal(1920, response.Usage.CachedInputTokenCount);
        Assert.Equal(300, response.Usage.OutputTokenCount);
        Assert.Equal(64, response.Usage.ReasoningTokenCount);
        Assert.Equal(2306, response.Usage.TotalTokenCount);
        Assert.Equal(0.0033475m, response.GetCost()); // O1: not 0.0057475 (cached unsubtracted), not 0.0039875 (reasoning re-added)
    }

    [Fact]
    public async Task Streaming_asks_for_usage_keeps_the_last_usage_and_reports_it_once()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            (null, """{"id":"chatcmpl-abc123","object":"chat.completion.chunk","created":1755000000,"model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}"""),
            (null, """{"id":"chatcmpl-abc123","object":"chat.completion.chunk","created":1755000000,"model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}"""),
            (null, """{"id":"chatcmpl-abc123","object":"chat.completion.chunk","created":1755000000,"model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}],"usage":null}"""),
            (null, """{"id":"chatcmpl-abc123","object":"chat.completion.chunk","created":1755000000,"model":"gpt-4.1-mini","choices":[],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":64}}}"""),
            (null, "[DONE]")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Say hi"));

        var body = server.Single("/v1").Json;
        Assert.True(body.GetProperty("stream").GetBoolean());
        Assert.True(body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        var response = updates.ToChatResponse();
        Assert.Equal("Hi!", response.Text);
        Assert.Equal("compat/gpt-4.1-mini", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(1920, response.Usage!.CachedInputTokenCount);
        Assert.Equal(0.0033475m, response.GetCost());
        Assert.Equal(0.0033475m, client.Ledger.GetTotals("compat/gpt-4.1-mini").Cost);
    }

    [Fact]
    public async Task Streamed_tool_call_fragments_accumulate_and_UseFunctionInvocation_sends_results_back()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
        {
            if (request.Body.Contains("\"role\":\"tool\"", StringComparison.Ordinal))
            {
                return context.Sse(
                    (null, """{"id":"c2","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"content":"18C in Paris."},"finish_reason":"stop"}]}"""),
                    (null, """{"id":"c2","model":"gpt-4.1-mini","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46}}"""),
                    (null, "[DONE]"));
            }

            return context.Sse(
                (null, """{"id":"c1","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"GetWeather","arguments":""}}]},"finish_reason":null}]}"""),
                (null, """{"id":"c1","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]}"""),
                (null, """{"id":"c1","model":"gpt-4.1-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"finish_reason":"tool_calls"}]}"""),
                (null, """{"id":"c1","model":"gpt-4.1-mini","choices":[],"usage":{"prompt_tokens":30,"completion_tokens":12,"total_tokens":42}}"""),
                (null, "[DONE]"));
        });
        using var inner = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());
        using var client = inner.AsBuilder().UseFunctionInvocation().Build();
        var tool = AIFunctionFactory.Create((string city) => city + ": 18C", "GetWeather");

        var response = (await CollectAsync(client.GetStreamingResponseAsync("Weather?", new ChatOptions { Tools = [tool] }))).ToChatResponse();

        Assert.EndsWith("18C in Paris.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        var first = server.Requests[0].Json;
        Assert.Equal("function", first.GetProperty("tools")[0].GetProperty("type").GetString());
        Assert.Equal("GetWeather", first.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        var messages = server.Requests[1].Json.GetProperty("messages");
        var assistant = messages[1];
        Assert.Equal(JsonValueKind.Null, assistant.GetProperty("content").ValueKind);
        Assert.Equal("call_1", assistant.GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal("""{"city":"Paris"}""", assistant.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("tool", messages[2].GetProperty("role").GetString());
        Assert.Equal("call_1", messages[2].GetProperty("tool_call_id").GetString());
        Assert.Equal("Paris: 18C", messages[2].GetProperty("content").GetString());
        Assert.Equal(2, inner.Ledger.GetTotals("compat/gpt-4.1-mini").Calls);
    }

    [Fact]
    public async Task MiniMax_think_tags_become_reasoning_and_are_replayed_unchanged_in_the_next_turn()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json("""
            {"id":"0577ab5c2f5e4a7c","object":"chat.completion","created":1755000000,"model":"MiniMax-M2.5",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"<think>\nUser greets me.\n</think>\n\nHi!"}}],
             "usage":{"prompt_tokens":40,"completion_tokens":25,"total_tokens":65}}
            """));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());
        var options = new ChatOptions { ModelId = "minimax-oai/MiniMax-M2.5" };

        var first = await client.GetResponseAsync("Hello", options);

        Assert.Equal("Hi!", first.Text);
        Assert.Equal("User greets me.", Assert.Single(first.Messages[0].Contents.OfType<TextReasoningContent>()).Text);
        Assert.Equal(0.00004200m, first.GetCost()); // 40 × 0.3 + 25 × 1.2 = 42 per 1M

        List<ChatMessage> history = [new(ChatRole.User, "Hello"), .. first.Messages, new(ChatRole.User, "Bye")];
        await client.GetResponseAsync(history, options);

        var replayed = server.Requests[1].Json.GetProperty("messages")[1];
        Assert.Equal("assistant", replayed.GetProperty("role").GetString());
        Assert.Equal("<think>\nUser greets me.\n</think>\n\nHi!", replayed.GetProperty("content").GetString());
        Assert.Equal("Bearer " + MiniMaxKey, server.Requests[1].Header("authorization"));
    }

    [Fact]
    public async Task MiniMax_reasoning_details_become_reasoning_and_are_replayed_as_reasoning_details()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json("""
            {"id":"0577ab5c2f5e4a7b","object":"chat.completion","created":1755000000,"model":"MiniMax-M2.5",
             "choices":[{"index":0,"finish_reason":"stop",
               "message":{"role":"assistant","content":"Hi!","reasoning_details":[{"type":"reasoning.text","text":"User greets me."}]}}],
             "usage":{"prompt_tokens":40,"completion_tokens":25,"total_tokens":65,"prompt_tokens_details":{"cached_tokens":0}}}
            """));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());
        var options = new ChatOptions { ModelId = "minimax-oai/MiniMax-M2.5", AdditionalProperties = new() { ["reasoning_split"] = true } };

        var first = await client.GetResponseAsync("Hello", options);
        await client.GetResponseAsync([new(ChatRole.User, "Hello"), .. first.Messages, new(ChatRole.User, "Bye")], options);

        Assert.Equal("Hi!", first.Text);
        Assert.Equal("User greets me.", Assert.Single(first.Messages[0].Contents.OfType<TextReasoningContent>()).Text);
        Assert.True(server.Requests[0].Json.GetProperty("reasoning_split").GetBoolean());
        var replayed = server.Requests[1].Json.GetProperty("messages")[1];
        Assert.Equal("Hi!", replayed.GetProperty("content").GetString());
        JsonEqual("""[{"type":"reasoning.text","text":"User greets me."}]""", replayed.GetProperty("reasoning_details").GetRawText());
    }

    [Fact]
    public async Task Streamed_think_tags_split_across_chunks_are_separated_from_the_answer()
    {
        string[] pieces = ["<th", "ink>\nUser ", "greets me.\n</th", "ink>\n", "\nHi", "!"];
        await using var server = await FakeProviderServer.StartAsync(async (context, _) =>
        {
            await FakeResponses.StartSse(context);
            foreach (var piece in pieces)
            {
                await FakeResponses.WriteEvent(context, null, JsonSerializer.Serialize(new
                {
                    id = "c", model = "MiniMax-M2.5", choices = new[] { new { index = 0, delta = new { content = piece } } },
                }));
            }

            await FakeResponses.WriteEvent(context, null, """{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":25,"total_tokens":65}}""");
            await FakeResponses.WriteEvent(context, null, "[DONE]");
        });
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = (await CollectAsync(client.GetStreamingResponseAsync("Hello", new ChatOptions { ModelId = "minimax-oai/MiniMax-M2.5" }))).ToChatResponse();

        Assert.Equal("Hi!", response.Text);
        Assert.Equal("User greets me.", string.Concat(response.Messages[0].Contents.OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal(65, response.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task Streamed_reasoning_details_deltas_become_reasoning()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            (null, """{"id":"c","model":"MiniMax-M2.5","choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.text","text":"Think"}]}}]}"""),
            (null, """{"id":"c","model":"MiniMax-M2.5","choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.text","text":"ing."}]}}]}"""),
            (null, """{"id":"c","model":"MiniMax-M2.5","choices":[{"index":0,"delta":{"content":"Done"},"finish_reason":"stop"}]}"""),
            (null, "[DONE]")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options());

        var response = (await CollectAsync(client.GetStreamingResponseAsync("x", new ChatOptions { ModelId = "minimax-oai/MiniMax-M2.5" }))).ToChatResponse();

        Assert.Equal("Done", response.Text);
        Assert.Equal("Thinking.", string.Concat(response.Messages[0].Contents.OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Null(response.Usage); // the server sent none
        Assert.Null(response.GetCost());
    }
}

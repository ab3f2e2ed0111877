using System.Text.Json;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Protocols;

public sealed class OpenAIResponsesTests
{
    private static Catalog BuildCatalog(string baseUrl, string? apiKey = "${OPENAI_API_KEY}") => Catalog.CreateBuilder()
        .AddProvider("openai", "${OPENAI_BASE}", ModelApi.OpenAIResponses, apiKey)
        .AddModel("openai", "gpt-4.1-mini", cost: new ModelCost(1.25m, 10m, 0.125m), maxTokens: 256)
        .AddModel("openai", "o4-mini", cost: new ModelCost(1.1m, 4.4m, 0.275m), reasoning: true, maxTokens: 1000)
        .AddProvider("lmstudio", baseUrl + "/lm/v1", ModelApi.OpenAIResponses, "lmstudio")
        .AddModel("lmstudio", "minimax-m2.1-gs32", cost: ModelCost.Free)
        .SetPrimary("openai/gpt-4.1-mini")
        .Build();

    private static ISecretResolver SecretsFor(FakeProviderServer server) =>
        Secrets(("OPENAI_API_KEY", OpenAIKey), ("OPENAI_BASE", server.BaseUrl + "/v1"));

    private const string O1Response = """
        {"id":"resp_67ccd2bed1ec8190","object":"response","created_at":1755000000,"status":"completed","model":"gpt-4.1-mini-2025-04-14",
         "error":null,"incomplete_details":null,
         "output":[{"type":"reasoning","id":"rs_1","summary":[]},
                   {"type":"message","id":"msg_1","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi!","annotations":[]}]}],
         "usage":{"input_tokens":2006,"input_tokens_details":{"cached_tokens":1920},"output_tokens":300,"output_tokens_details":{"reasoning_tokens":64},"total_tokens":2306}}
        """;

    [Fact]
    public async Task Non_streaming_request_is_exact_with_a_base_url_variable_resolved_at_run_time()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(O1Response));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are terse."), new ChatMessage(ChatRole.User, "Say hi"),
             new ChatMessage(ChatRole.Assistant, "Hi"), new ChatMessage(ChatRole.User, "Again")],
            new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 100 });

        var request = server.Single("/v1");
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/responses", request.Path);
        Assert.Equal("Bearer " + OpenAIKey, request.Header("authorization"));
        JsonEqual("""
            {"model":"gpt-4.1-mini","instructions":"You are terse.","input":[
               {"role":"user","content":[{"type":"input_text","text":"Say hi"}]},
               {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Hi","annotations":[]}]},
               {"role":"user","content":[{"type":"input_text","text":"Again"}]}],
             "max_output_tokens":100,"temperature":0.7,"store":false,"stream":false}
            """, request.Body);
        Assert.Equal("Hi!", response.Text);
        Assert.Equal("openai/gpt-4.1-mini", response.ModelId);
        Assert.Equal("resp_67ccd2bed1ec8190", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(1920, response.Usage!.CachedInputTokenCount);
        Assert.Equal(64, response.Usage.ReasoningTokenCount);
        Assert.Equal(0.0033475m, response.GetCost());
    }

    [Fact]
    public async Task Incomplete_response_maps_to_length()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json("""
            {"id":"resp_3","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},
             "output":[{"type":"message","id":"msg_3","status":"incomplete","role":"assistant","content":[{"type":"output_text","text":"Partial","annotations":[]}]}],
             "usage":{"input_tokens":10,"input_tokens_details":{"cached_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":26}}
            """));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));

        var response = await client.GetResponseAsync("x");

        Assert.Equal("Partial", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Streaming_text_and_usage_arrive_once_with_the_completed_event()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("response.created", """{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-4.1-mini","output":[],"usage":null}}"""),
            ("response.output_item.added", """{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"type":"message","id":"msg_1","status":"in_progress","role":"assistant","content":[]}}"""),
            ("response.output_text.delta", """{"type":"response.output_text.delta","sequence_number":3,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}"""),
            ("response.output_text.delta", """{"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"!"}"""),
            ("response.output_text.done", """{"type":"response.output_text.done","sequence_number":5,"item_id":"msg_1","output_index":0,"content_index":0,"text":"Hi!"}"""),
            ("response.completed", """{"type":"response.completed","sequence_number":7,"response":{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi!","annotations":[]}]}],"usage":{"input_tokens":2006,"input_tokens_details":{"cached_tokens":1920},"output_tokens":300,"output_tokens_details":{"reasoning_tokens":64},"total_tokens":2306}}}""")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Say hi"));

        Assert.True(server.Single("/v1").Json.GetProperty("stream").GetBoolean());
        Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        var response = updates.ToChatResponse();
        Assert.Equal("Hi!", response.Text);
        Assert.Equal("resp_1", response.ResponseId);
        Assert.Equal(0.0033475m, response.GetCost());
        Assert.Equal(0.0033475m, updates[^1].GetCost());
    }

    [Fact]
    public async Task Streaming_function_calls_and_encrypted_reasoning_round_trip_through_UseFunctionInvocation()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
        {
            if (request.Body.Contains("function_call_output", StringComparison.Ordinal))
            {
                return context.Sse(
                    ("response.output_text.delta", """{"type":"response.output_text.delta","output_index":0,"delta":"Sunny."}"""),
                    ("response.completed", """{"type":"response.completed","response":{"id":"resp_b","status":"completed","output":[],"usage":{"input_tokens":50,"output_tokens":3,"total_tokens":53}}}"""));
            }

            return context.Sse(
                ("response.created", """{"type":"response.created","response":{"id":"resp_a","model":"o4-mini","status":"in_progress","output":[]}}"""),
                ("response.reasoning_summary_text.delta", """{"type":"response.reasoning_summary_text.delta","output_index":0,"delta":"Check weather."}"""),
                ("response.output_item.done", """{"type":"response.output_item.done","output_index":0,"item":{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Check weather."}],"encrypted_content":"ENC=="}}"""),
                ("response.output_item.added", """{"type":"response.output_item.added","output_index":1,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"GetWeather","arguments":""}}"""),
                ("response.function_call_arguments.delta", """{"type":"response.function_call_arguments.delta","output_index":1,"delta":"{\"city\":"}"""),
                ("response.function_call_arguments.delta", """{"type":"response.function_call_arguments.delta","output_index":1,"delta":"\"Oslo\"}"}"""),
                ("response.output_item.done", """{"type":"response.output_item.done","output_index":1,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"GetWeather","arguments":"{\"city\":\"Oslo\"}"}}"""),
                ("response.completed", """{"type":"response.completed","response":{"id":"resp_a","status":"completed","output":[{"type":"function_call","call_id":"call_1","name":"GetWeather","arguments":"{}"}],"usage":{"input_tokens":40,"output_tokens":20,"total_tokens":60}}}"""));
        });
        using var inner = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));
        using var client = inner.AsBuilder().UseFunctionInvocation().Build();
        var tool = AIFunctionFactory.Create((string city) => "sunny in " + city, "GetWeather");

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Weather?", new ChatOptions { ModelId = "openai/o4-mini", Tools = [tool], ToolMode = ChatToolMode.RequireSpecific("GetWeather") }));

        Assert.Equal("Sunny.", string.Concat(updates.Select(u => u.Text)));
        var first = server.Requests[0].Json;
        JsonEqual("""[{"type":"function","name":"GetWeather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]""",
            first.GetProperty("tools").GetRawText());
        JsonEqual("""{"type":"function","name":"GetWeather"}""", first.GetProperty("tool_choice").GetRawText());
        JsonEqual("""["reasoning.encrypted_content"]""", first.GetProperty("include").GetRawText());
        var input = server.Requests[1].Json.GetProperty("input");
        JsonEqual("""{"type":"reasoning","summary":[{"type":"summary_text","text":"Check weather."}],"encrypted_content":"ENC=="}""", input[1].GetRawText());
        JsonEqual("""{"type":"function_call","call_id":"call_1","name":"GetWeather","arguments":"{\"city\":\"Oslo\"}"}""", input[2].GetRawText());
        JsonEqual("""{"type":"function_call_output","call_id":"call_1","output":"sunny in Oslo"}""", input[3].GetRawText());
    }

    [Fact]
    public async Task Loopback_provider_with_a_literal_key_uses_it_as_is()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(O1Response));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));

        var response = await client.GetResponseAsync("hi", new ChatOptions { ModelId = "lmstudio/minimax-m2.1-gs32" });

        Assert.Equal("Bearer lmstudio", server.Single("/lm").Header("authorization"));
        Assert.Equal("/lm/v1/responses", server.Single("/lm").Path);
        Assert.Equal(0m, response.GetCost());
    }

    [Fact]
    public async Task Response_failed_event_before_any_output_is_a_failure_classified_by_its_code()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("response.failed", """{"type":"response.failed","sequence_number":3,"response":{"id":"resp_2","object":"response","status":"failed","error":{"code":"server_error","message":"The server had an error"},"output":[],"usage":null}}""")));
        using var client = new CatalogChatClient(BuildCatalog(server.BaseUrl), options: Options(secrets: SecretsFor(server)));

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => CollectAsync(client.GetStreamingResponseAsync("x")));

        // server_error is a server failure: retried twice (MaxRetries), like a 500.
        Assert.Equal(3, error.Attempts.Count);
        Assert.All(error.Attempts, attempt =>
        {
            Assert.Equal(FailureReason.ServerError, attempt.Reason);
            Assert.Equal("The server had an error", attempt.Message);
            Assert.Equal("server_error", attempt.ErrorCode);
        });
    }
}

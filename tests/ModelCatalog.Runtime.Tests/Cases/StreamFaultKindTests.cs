using System.Net;
using System.Text.Json.Nodes;
using ModelCatalog.Runtime.Tests.Infrastructure;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// The "Same kind" lists of cases 01 and 02: errors inside a 200 and incomplete streams in all three protocols and
/// both modes, and empty values that mean "not sent". Uses the cases' common catalog (primary anth, fallback back).
/// </summary>
public sealed class StreamFaultKindTests
{
    private const string Anth = "anth/claude-sonnet-4-5";
    private const string Oai = "oai/gpt-4.1-mini";
    private const string Resp = "resp/gpt-5-mini";

    private const string AnthStart = """event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5-20250929\",\"usage\":{\"input_tokens\":21,\"output_tokens\":1}}}""";
    private const string AnthText = """event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Partial\"}}""";
    private const string RespCreated = """event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5-mini\",\"status\":\"in_progress\"}}""";
    private const string RespText = """event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Partial\"}""";
    private const string OaiText = """data: {\"id\":\"c1\",\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Partial\"},\"finish_reason\":null}]}""";

    /// <summary>A script: <paramref name="route"/> answers with <paramref name="response"/>; /back answers FALLBACK-ANSWER (case 02's script).</summary>
    private static ScriptedProvider Script(string route, string response, bool streaming = true)
    {
        var back = streaming
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(ScriptedProvider.CasesFolder, "02-empty-finish-reason", "script.json")))!
                ["POST /back/v1/chat/completions"]!.DeepClone()
            : JsonNode.Parse("""
                [{"json": {"id": "chatcmpl-back", "object": "chat.completion", "model": "fallback-model", "choices": [{"index": 0,
                  "message": {"role": "assistant", "content": "FALLBACK-ANSWER"}, "finish_reason": "stop"}],
                  "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}}}]
                """)!;
        var script = new JsonObject { [route] = new JsonArray(JsonNode.Parse(response)), ["POST /back/v1/chat/completions"] = back };
        return ScriptedProvider.Parse(script.ToJsonString());
    }

    // A streamed response carries it on its message (ToChatResponse), a non-streamed one on the response too.
    private static object? ProviderModel(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(CatalogChatClient.ProviderModelIdPropertyName, out var value) == true
            ? value
            : response.Messages.Select(m => m.AdditionalProperties?.GetValueOrDefault(CatalogChatClient.ProviderModelIdPropertyName)).LastOrDefault(v => v is not null);

    private static string Sse(params string[] events) => "{\"sse\": [" + string.Join(",", events.Select(e => "\"" + e + "\"")) + "]}";

    private static string RouteOf(string modelRef) => modelRef switch
    {
        Anth => "POST /anth/v1/messages",
        Oai => "POST /oai/v1/chat/completions",
        _ => "POST /resp/v1/responses",
    };

    private static string PathOf(string modelRef) => RouteOf(modelRef).Substring(5);

    private static async Task<ChatResponse> StreamAsync(CatalogChatClient client, string modelRef, List<string>? received = null)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = modelRef }))
        {
            updates.Add(update);
            received?.Add(update.Text);
        }

        return updates.ToChatResponse();
    }

    // ---- Errors inside a 200 ----

    [Theory]
    [InlineData(Anth, """event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}""", 3, FailureReason.ServerError)]
    [InlineData(Anth, """event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 208000 tokens > 200000 maximum\"}}""", 1, FailureReason.ContextOverflow)]
    [InlineData(Resp, """event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"Your input exceeds the context window of this model.\"}}}""", 1, FailureReason.ContextOverflow)]
    [InlineData(Resp, """event: error\ndata: {\"type\":\"error\",\"code\":\"insufficient_quota\",\"message\":\"You exceeded your current quota.\"}""", 1, FailureReason.Billing)]
    [InlineData(Resp, """event: error\ndata: {\"type\":\"error\",\"code\":\"rate_limit_exceeded\",\"message\":\"Rate limit reached.\"}""", 3, FailureReason.RateLimit)]
    [InlineData(Oai, """data: {\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid key\"}}""", 1, FailureReason.Authentication)]
    [InlineData(Oai, """data: {\"id\":\"c\",\"base_resp\":{\"status_code\":1008,\"status_msg\":\"insufficient balance\"}}""", 1, FailureReason.Billing)] // MiniMax billing
    public async Task An_error_event_before_any_output_is_classified_by_its_content_then_fails_over(
        string modelRef, string errorEvent, int requests, FailureReason reason)
    {
        var first = modelRef == Resp ? RespCreated : modelRef == Anth ? AnthStart : OaiText.Replace("Partial", "");
        await using var server = await Script(RouteOf(modelRef), Sse(first, errorEvent, "data: [DONE]")).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await StreamAsync(client, modelRef);

        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal(requests, server.CountFor(PathOf(modelRef)));
        Assert.Equal(1, server.CountFor("/back/"));

        using var alone = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());
        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => StreamAsync(alone, modelRef));
        Assert.Equal(requests, error.Attempts.Count);
        Assert.All(error.Attempts, attempt => Assert.Equal(reason, attempt.Reason));
    }

    [Theory]
    [InlineData(Anth, """event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}""", FailureReason.ServerError)]
    [InlineData(Resp, """event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The server had an error\"}}}""", FailureReason.ServerError)]
    [InlineData(Oai, """data: {\"object\":\"error\",\"message\":\"This model's maximum context length is 32768 tokens.\",\"type\":\"BadRequestError\",\"code\":400}""", FailureReason.ContextOverflow)]
    public async Task An_error_event_after_output_surfaces_as_ModelRequestException_without_failover(string modelRef, string errorEvent, FailureReason reason)
    {
        var events = modelRef == Resp ? new[] { RespCreated, RespText, errorEvent } : modelRef == Anth ? new[] { AnthStart, AnthText, errorEvent } : new[] { OaiText, errorEvent };
        await using var server = await Script(RouteOf(modelRef), Sse(events)).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ModelRequestException>(() => StreamAsync(client, modelRef, received));

        Assert.Equal(["Partial"], received);
        Assert.Equal(modelRef, error.ModelRef);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(1, server.CountFor(PathOf(modelRef)));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Theory]
    [InlineData(Anth)]
    [InlineData(Resp)]
    [InlineData(Oai)]
    public async Task A_bare_json_error_line_without_data_is_reported_in_every_protocol(string modelRef)
    {
        var raw = """{"sse_raw": "{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}\n\ndata: [DONE]\n\n"}""";
        await using var server = await Script(RouteOf(modelRef), raw).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => StreamAsync(client, modelRef));

        Assert.Equal(3, error.Attempts.Count); // a rate limit is retried (MaxRetries 2)
        Assert.All(error.Attempts, attempt =>
        {
            Assert.Equal(FailureReason.RateLimit, attempt.Reason);
            Assert.Equal("rate_limit_error", attempt.ErrorType);
            Assert.Equal("Slow down", attempt.Message);
        });
    }

    [Theory]
    [InlineData("""{"chunks": ["{\"error\":{\"type\":\"overloaded", "_error\",\"message\":\"Overloaded\"}}\r\n\r\n", "data: [DONE]\r\n\r\n"], "chunk_delay": 0.05}""")] // split between writes, CRLF
    [InlineData("""{"sse_raw": ": keep-alive\n\n{\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"}""")] // last line, no line end
    [InlineData("""{"sse_raw": "data: {\"id\":\"c\",\"choices\":[]}\n\n  {\"note\":1}\n{\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"}""")]
    public async Task A_bare_json_error_line_is_found_wherever_the_bytes_split(string response)
    {
        await using var server = await Script(RouteOf(Oai), response).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => StreamAsync(client, Oai));

        Assert.Equal(3, error.Attempts.Count);
        Assert.All(error.Attempts, attempt => Assert.Equal("oai/gpt-4.1-mini: ServerError overloaded_error: Overloaded", attempt.ToString()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_in_band_error_echoing_the_key_is_redacted_and_skips_the_provider(bool stream)
    {
        var error = """{"error": {"message": "Incorrect API key provided: dummy-OAI_KEY", "type": "invalid_request_error", "code": "invalid_api_key"}}""";
        await using var server = await Script(RouteOf(Oai), stream ? Sse("data: " + error.Replace("\"", "\\\"")) : "{\"json\": " + error + "}").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => stream
            ? StreamAsync(client, Oai)
            : client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai }));

        var attempt = Assert.Single(failure.Attempts);
        Assert.Equal(FailureReason.Authentication, attempt.Reason);
        Assert.Equal("Incorrect API key provided: ***", attempt.Message);
        Assert.Equal("invalid_api_key", attempt.ErrorCode);
        Assert.DoesNotContain("dummy-OAI_KEY", failure.Message);
    }

    [Theory]
    [InlineData(Anth)]
    [InlineData(Resp)]
    [InlineData(Oai)]
    public async Task A_json_error_body_answering_a_stream_request_is_classified_like_an_http_error(string modelRef)
    {
        var body = """{"json": {"error": {"message": "This model's maximum context length is 8192 tokens.", "type": "invalid_request_error", "code": "context_length_exceeded"}}}""";
        await using var server = await Script(RouteOf(modelRef), body).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await StreamAsync(client, modelRef);

        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal(1, server.CountFor(PathOf(modelRef)));
    }

    [Fact]
    public async Task A_whole_json_response_answering_a_stream_request_becomes_one_final_update()
    {
        var body = File.ReadAllText(Path.Combine(ScriptedProvider.CasesFolder, "02-empty-finish-reason", "script.nonstream.json"));
        await using var server = await ScriptedProvider.Parse(body).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var updates = await TestSupport.CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai }));

        var update = Assert.Single(updates);
        Assert.Equal(0.0000425m, update.GetCost());
        var response = updates.ToChatResponse();
        Assert.Equal("Hello there!", response.Text);
        Assert.Equal(Oai, response.ModelId);
        StreamFaultCaseTests.AssertUsage(response, 10, 3, 13);
        Assert.Equal(0.0000425m, response.GetCost());
        Assert.Equal("llama3", ProviderModel(response));
    }

    [Theory]
    [InlineData(Oai, """{"json": {"object": "error", "message": "Engine overloaded", "type": "ServiceUnavailableError", "code": 503}}""", 3)]
    [InlineData(Anth, """{"json": {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}}""", 3)]
    [InlineData(Resp, """{"json": {"id": "resp_1", "status": "failed", "output": [], "error": {"code": "context_length_exceeded", "message": "too many tokens"}}}""", 1)]
    public async Task A_non_streamed_200_error_body_is_classified_by_its_content(string modelRef, string body, int requests)
    {
        await using var server = await Script(RouteOf(modelRef), body, streaming: false).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = modelRef });

        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal(requests, server.CountFor(PathOf(modelRef)));
    }

    // ---- [DONE] is not completion ----

    [Theory]
    [InlineData(Anth)]
    [InlineData(Resp)]
    [InlineData(Oai)]
    public async Task A_done_only_body_is_a_broken_stream_in_every_protocol(string modelRef)
    {
        await using var server = await Script(RouteOf(modelRef), Sse("data: [DONE]")).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => StreamAsync(client, modelRef));

        var attempt = Assert.Single(error.Attempts); // a broken stream is not retried
        Assert.Equal(FailureReason.StreamError, attempt.Reason);
        Assert.Equal("The stream ended without any output or finish reason ([DONE] alone is not a response).", attempt.Message);
    }

    [Theory]
    [InlineData(Anth)]
    [InlineData(Resp)]
    [InlineData(Oai)]
    public async Task An_empty_body_fails_over(string modelRef)
    {
        await using var server = await Script(RouteOf(modelRef), """{"sse_raw": ""}""").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await StreamAsync(client, modelRef);

        Assert.Equal("FALLBACK-ANSWER", response.Text);
        Assert.Equal(1, server.CountFor(PathOf(modelRef)));
    }

    [Theory]
    [InlineData(Oai, new[] { OaiText, "data: [DONE]" })]
    [InlineData(Anth, new[] { AnthStart, AnthText, """event: message_stop\ndata: {\"type\":\"message_stop\"}""" })] // no stop_reason
    [InlineData(Resp, new[] { RespCreated, RespText })] // EOF without response.completed
    public async Task Output_without_the_protocols_end_is_truncated_and_surfaces_after_the_output(string modelRef, string[] events)
    {
        await using var server = await Script(RouteOf(modelRef), Sse(events)).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ModelRequestException>(() => StreamAsync(client, modelRef, received));

        Assert.Equal(["Partial"], received);
        Assert.Equal(FailureReason.StreamError, error.Reason);
        Assert.Equal("The stream ended before the response was complete (no finish reason): the output is truncated.", error.Attempt.Message);
        Assert.Equal(0, server.CountFor("/back/"));
    }

    // ---- Empty values are absent ----

    [Fact]
    public async Task Anthropic_empty_ids_and_stop_reasons_are_not_values()
    {
        await using var server = await Script(RouteOf(Anth), Sse(
            """event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"\",\"model\":\" \",\"role\":\"assistant\",\"stop_reason\":\"\",\"usage\":{\"input_tokens\":21,\"output_tokens\":1}}}""",
            AnthText,
            """event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":4}}""",
            """event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"\"},\"usage\":{}}""",
            """event: message_stop\ndata: {\"type\":\"message_stop\"}""")).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await StreamAsync(client, Anth);

        Assert.Equal("Partial", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason); // the later "" does not erase end_turn
        Assert.Null(response.ResponseId);
        Assert.Equal("claude-sonnet-4-5", ProviderModel(response));
        StreamFaultCaseTests.AssertUsage(response, 21, 4, 25);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("end_turn", "stop")]
    [InlineData("server_decided", "server_decided")] // unknown → custom reason, never an argument error
    public async Task Anthropic_non_streamed_stop_reason(string stopReason, string? expected)
    {
        var body = """{"json": {"id": "", "type": "message", "role": "assistant", "model": "", "content": [{"type": "text", "text": "Hi"}], "stop_reason": "STOP", "usage": {"input_tokens": 2, "output_tokens": 1}}}""";
        await using var server = await Script(RouteOf(Anth), body.Replace("STOP", stopReason)).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Anth });

        Assert.Equal("Hi", response.Text);
        Assert.Equal(expected, response.FinishReason?.Value);
        Assert.Null(response.ResponseId);
        Assert.Equal("claude-sonnet-4-5", ProviderModel(response));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Chat_completions_empty_ids_do_not_hide_later_ones_and_an_empty_usage_keeps_the_real_one()
    {
        await using var server = await Script(RouteOf(Oai), Sse(
            """data: {\"id\":\"\",\"model\":\"\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"\",\"content\":\"Hi\"},\"finish_reason\":\"\"}]}""",
            """data: {\"id\":\"chatcmpl-real\",\"model\":\"qwen3\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"eos\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13}}""",
            """data: {\"id\":\"chatcmpl-real\",\"choices\":[],\"usage\":{}}""",
            "data: [DONE]")).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await StreamAsync(client, Oai);

        Assert.Equal("Hi", response.Text);
        Assert.Equal("chatcmpl-real", response.ResponseId);
        Assert.Equal("qwen3", ProviderModel(response));
        Assert.Equal(new ChatFinishReason("eos"), response.FinishReason);
        StreamFaultCaseTests.AssertUsage(response, 10, 3, 13);
        Assert.Equal(0.0000425m, response.GetCost());
    }

    [Theory]
    [InlineData("response.completed", """{\"id\":\"resp_9\",\"status\":\"\",\"usage\":{}}""", null)]
    [InlineData("response.incomplete", """{\"id\":\"resp_9\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"\"}}""", "length")]
    [InlineData("response.completed", """{\"id\":\"resp_9\",\"status\":\"completed\"}""", "stop")]
    public async Task Responses_empty_status_and_incomplete_reason_are_not_values(string terminal, string response, string? expected)
    {
        await using var server = await Script(RouteOf(Resp), Sse(
            """event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"\",\"model\":\"\"}}""",
            RespText,
            "event: " + terminal + "\\ndata: {\\\"type\\\":\\\"" + terminal + "\\\",\\\"response\\\":" + response + "}")).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var result = await StreamAsync(client, Resp);

        Assert.Equal("Partial", result.Text);
        Assert.Equal(expected, result.FinishReason?.Value);
        Assert.Equal("resp_9", result.ResponseId); // the empty id of response.created did not stick
        Assert.Equal("gpt-5-mini", ProviderModel(result));
        Assert.Null(result.Usage);
    }

    // ---- A client bug is not a provider failure ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_exception_while_decoding_a_2xx_body_surfaces_and_never_fails_over(bool stream)
    {
        var handler = new ThrowingBodyHandler();
        using var http = new HttpClient(handler);
        using var client = new CatalogChatClient(ProviderCases.Catalog("http://127.0.0.1:9"), http, ProviderCases.Options());

        var error = await Assert.ThrowsAsync<ModelRequestException>(() => stream
            ? StreamAsync(client, Oai)
            : client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai }));

        Assert.Equal(1, handler.Calls); // no retry, no fallback: one billed call at most
        Assert.Equal(FailureReason.InternalError, error.Reason);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("client bug, not a provider failure", error.Message);
        Assert.Contains("decoder exploded", error.Message);
    }

    [Theory]
    [InlineData("exceeds the available context size", null, "request (6009 tokens) exceeds the available context size (4096 tokens), try increasing it")] // llama.cpp
    [InlineData(null, "exceed_context_size_error", "context overflow")]                                                                           // llama.cpp type
    [InlineData(null, "BadRequestError", "This model's maximum context length is 32768 tokens. However, you requested 40960 tokens")]               // vLLM, OpenAI, DeepSeek
    [InlineData(null, "BadRequestError", "The decoder prompt (length 40000) is longer than the maximum model length of 32768.")]                   // vLLM V1
    [InlineData(null, null, "The input (40000 tokens) is longer than the model's context length (32768 tokens).")]                                 // SGLang
    [InlineData(null, null, "prompt too long; exceeded max context length by 512 tokens")]                                                          // Ollama
    [InlineData(null, null, "Trying to keep the first 9000 tokens when context the overflows. However, the model is loaded with context length of only 4096 tokens")] // LM Studio
    [InlineData(null, "invalid_request_error", "prompt is too long: 208000 tokens > 200000 maximum")]                                              // Anthropic
    [InlineData(null, "invalid_request_error", "input length and `max_tokens` exceed context limit: 190000 + 20000 > 200000")]                      // Anthropic
    [InlineData(null, "invalid_request_error", "Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length")] // Mistral
    [InlineData("context_length_exceeded", null, "Your input exceeds the context window of this model.")]                                           // OpenAI Responses
    public void In_band_context_overflow_wordings_of_real_servers(string? code, string? type, string message) =>
        Assert.Equal(FailureReason.ContextOverflow, FailureClassifier.ClassifyInBand(type, code, message));

    [Theory]
    [InlineData("overloaded_error", null, "Overloaded", FailureReason.ServerError)]
    [InlineData("api_error", null, "Internal server error", FailureReason.ServerError)]
    [InlineData("rate_limit_error", null, "Too many tokens per minute", FailureReason.RateLimit)] // not a context overflow
    [InlineData(null, "insufficient_quota", "You exceeded your current quota", FailureReason.Billing)]
    [InlineData("authentication_error", null, "invalid x-api-key", FailureReason.Authentication)]
    [InlineData("not_found_error", null, "model: claude-x", FailureReason.NotFound)]
    [InlineData("BadRequestError", "400", "temperature must be at most 2", FailureReason.BadRequest)]
    [InlineData("InternalServerError", "500", "CUDA out of memory", FailureReason.ServerError)]
    [InlineData(null, null, "something odd", FailureReason.StreamError)]
    public void In_band_errors_are_classified_like_http_errors(string? type, string? code, string message, FailureReason expected) =>
        Assert.Equal(expected, FailureClassifier.ClassifyInBand(type, code, message));

    private sealed class ThrowingBodyHandler : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            var content = new StreamContent(new ThrowingStream());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
                request.Headers.Accept.Count > 0 ? "text/event-stream" : "application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("decoder exploded");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("decoder exploded");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("decoder exploded");
    }
}

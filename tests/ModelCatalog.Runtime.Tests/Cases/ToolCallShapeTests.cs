using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Cases.ContentCaseTests;
using static ModelCatalog.Runtime.Tests.Cases.Scripted;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>Same kind as cases 03 and 07: tool-call identity and argument shapes in every protocol, streamed and not.</summary>
public sealed class ToolCallShapeTests
{
    private const string Oai = "oai/gpt-4.1-mini";
    private const string Anth = "anth/claude-sonnet-4-5";
    private const string Resp = "resp/gpt-5-mini";

    [Fact]
    public async Task Chat_stream_usual_form_id_in_first_fragment_arguments_split_mid_token_two_calls_interleaved()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"ci"}}]}"""),
            Delta("""{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_weather","arguments":""}}]}"""),
            Delta("""{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Par"}}]}"""),
            Delta("""{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":\"Rome\"}"}}]}"""),
            Delta("""{"tool_calls":[{"index":0,"function":{"arguments":"is\"}"}}]}"""),
            Delta("{}", "tool_calls")));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), WithTools(Oai));

        var calls = Calls(response);
        Assert.Equal(2, calls.Count);
        AssertCall(calls[0], "call_a", "get_weather", """{"city":"Paris"}""");
        AssertCall(calls[1], "call_b", "get_weather", """{"city":"Rome"}""");
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task Chat_stream_fragments_without_index_continue_the_latest_call_until_a_new_id_comes()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]}"""),
            Delta("""{"tool_calls":[{"function":{"arguments":"\"Paris\"}"}}]}"""),
            Delta("""{"tool_calls":[{"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]}"""),
            Delta("{}", "tool_calls")));
        using var client = NewClient(server);

        var calls = Calls(await Stream(client, ProviderCases.Question(), WithTools(Oai)));

        Assert.Equal(2, calls.Count);
        AssertCall(calls[0], "call_a", "get_weather", """{"city":"Paris"}""");
        AssertCall(calls[1], "call_b", "get_weather", """{"city":"Rome"}""");
    }

    [Fact]
    public async Task Chat_stream_call_without_id_gets_a_synthesized_id_that_the_tool_result_carries_back()
    {
        await using var server = await Serve(
            ChatStream(
                Delta("""{"tool_calls":[{"index":0,"type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]}"""),
                Delta("""{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]}"""),
                Delta("{}", "tool_calls")),
            Json(ChatResponse("""{"role":"assistant","content":"Sunny."}""", "stop")));
        using var client = NewClient(server);

        var first = await Stream(client, ProviderCases.Question(), WithTools(Oai));
        var call = Assert.Single(Calls(first));
        Assert.StartsWith("call_", call.CallId, StringComparison.Ordinal);
        Assert.True(call.CallId.Length > "call_".Length);
        AssertCall(call, call.CallId, "get_weather", """{"city":"Paris"}""");
        await client.GetResponseAsync(SecondTurn(first), WithTools(Oai));

        var messages = server.Requests[1].Json.GetProperty("messages");
        Assert.Equal(call.CallId, messages[1].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal(call.CallId, messages[2].GetProperty("tool_call_id").GetString());
    }

    [Fact]
    public async Task Chat_stream_arguments_given_as_an_object_are_used_as_is()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":{"city":"Paris"}}}]}"""),
            Delta("{}", "tool_calls")));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), WithTools(Oai));

        AssertCall(Assert.Single(Calls(response)), "call_1", "get_weather", """{"city":"Paris"}""");
    }

    [Theory]
    [InlineData("\"{\\\"city\\\":\"", "Error parsing function call arguments.")]
    [InlineData("5", "Error parsing function call arguments: the arguments are a JSON number, not an object.")]
    [InlineData("[\"Paris\"]", "Error parsing function call arguments: the arguments are a JSON array, not an object.")]
    [InlineData("\"[1]\"", "Error parsing function call arguments.")]
    public async Task Chat_arguments_that_are_not_an_object_keep_the_error_never_an_empty_object(string arguments, string error)
    {
        await using var server = await Serve(Json(ChatResponse(
            """{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""" + arguments + "}}]}",
            "tool_calls")));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), WithTools(Oai));

        var call = Assert.Single(Calls(response));
        Assert.Equal("call_1", call.CallId);
        Assert.Null(call.Arguments);
        Assert.Equal(error, Assert.IsType<InvalidOperationException>(call.Exception).Message);
    }

    [Fact]
    public async Task A_call_whose_arguments_did_not_parse_is_replayed_with_the_text_the_model_wrote()
    {
        await using var server = await Serve(
            Json(ChatResponse(
                """{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]}""",
                "tool_calls")),
            Json(ChatResponse("""{"role":"assistant","content":"Sorry."}""", "stop")));
        using var client = NewClient(server);

        var first = await client.GetResponseAsync(ProviderCases.Question(), WithTools(Oai));
        await client.GetResponseAsync(SecondTurn(first), WithTools(Oai));

        var replayed = server.Requests[1].Json.GetProperty("messages")[1].GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("{\"city\":", replayed.GetProperty("arguments").GetString());
    }

    [Fact]
    public async Task Chat_stream_arguments_that_do_not_parse_keep_the_error()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Par"}}]}"""),
            Delta("{}", "tool_calls")));
        using var client = NewClient(server);

        var call = Assert.Single(Calls(await Stream(client, ProviderCases.Question(), WithTools(Oai))));

        Assert.Null(call.Arguments);
        Assert.IsType<InvalidOperationException>(call.Exception);
    }

    [Fact]
    public async Task Responses_function_call_arguments_given_as_an_object_are_used_as_is()
    {
        await using var server = await Serve(Json("""
            {"id":"resp_1","object":"response","status":"completed","model":"gpt-5-mini",
             "output":[{"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_weather","arguments":{"city":"Paris"}}],
             "usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}
            """));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), WithTools(Resp));

        AssertCall(Assert.Single(Calls(response)), "call_1", "get_weather", """{"city":"Paris"}""");
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task Responses_stream_calls_are_keyed_by_item_id_and_an_object_in_output_item_done_is_used()
    {
        await using var server = await Serve(Events(
            """{"type":"response.created","response":{"id":"resp_1","status":"in_progress","output":[]}}""",
            """{"type":"response.output_item.added","output_index":0,"item":{"type":"function_call","id":"fc_a","call_id":"call_a","name":"get_weather","arguments":""}}""",
            """{"type":"response.output_item.added","output_index":1,"item":{"type":"function_call","id":"fc_b","call_id":"call_b","name":"get_weather","arguments":""}}""",
            """{"type":"response.function_call_arguments.delta","item_id":"fc_b","delta":"{\"city\":"}""",
            """{"type":"response.function_call_arguments.delta","item_id":"fc_a","delta":"{\"city\":\"Par"}""",
            """{"type":"response.function_call_arguments.delta","item_id":"fc_b","delta":"\"Rome\"}"}""",
            """{"type":"response.function_call_arguments.delta","item_id":"fc_a","delta":"is\"}"}""",
            """{"type":"response.output_item.done","output_index":1,"item":{"type":"function_call","id":"fc_b","call_id":"call_b","name":"get_weather"}}""",
            """{"type":"response.output_item.done","output_index":0,"item":{"type":"function_call","id":"fc_a","call_id":"call_a","name":"get_weather","arguments":{"city":"Paris"}}}""",
            """{"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],"usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}}"""));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), WithTools(Resp));

        var calls = Calls(response);
        Assert.Equal(2, calls.Count);
        AssertCall(calls[0], "call_b", "get_weather", """{"city":"Rome"}""");
        AssertCall(calls[1], "call_a", "get_weather", """{"city":"Paris"}""");
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Theory]
    [InlineData("\"{\\\"city\\\":\\\"Paris\\\"}\"", null)]
    [InlineData("\"{\\\"city\\\":\"", "Error parsing function call arguments.")]
    [InlineData("true", "Error parsing function call arguments: the arguments are a JSON boolean, not an object.")]
    public async Task Anthropic_tool_use_input_as_a_json_string_is_parsed_and_anything_else_is_an_error(string input, string? error)
    {
        await using var server = await Serve(Json("""
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","stop_reason":"tool_use",
             "content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":INPUT}],
             "usage":{"input_tokens":10,"output_tokens":5}}
            """.Replace("INPUT", input, StringComparison.Ordinal)));
        using var client = NewClient(server);

        var call = Assert.Single(Calls(await client.GetResponseAsync(ProviderCases.Question(), WithTools(Anth))));

        if (error is null)
        {
            AssertCall(call, "toolu_1", "get_weather", """{"city":"Paris"}""");
        }
        else
        {
            Assert.Null(call.Arguments);
            Assert.Equal(error, Assert.IsType<InvalidOperationException>(call.Exception).Message);
        }
    }

    [Fact]
    public async Task Anthropic_stream_input_complete_in_block_start_is_kept_and_broken_deltas_keep_their_error()
    {
        await using var server = await Serve(Events(
            """{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":10,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}}""",
            """{"type":"content_block_stop","index":0}""",
            """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_2","name":"get_weather","input":{}}}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Ro"}}""",
            """{"type":"content_block_stop","index":1}""",
            """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","name":"get_weather","input":{}}}""",
            """{"type":"content_block_stop","index":2}""",
            """{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":30}}""",
            """{"type":"message_stop"}"""));
        using var client = NewClient(server);

        var calls = Calls(await Stream(client, ProviderCases.Question(), WithTools(Anth)));

        Assert.Equal(3, calls.Count);
        AssertCall(calls[0], "toolu_1", "get_weather", """{"city":"Paris"}""");
        Assert.Equal("toolu_2", calls[1].CallId);
        Assert.Null(calls[1].Arguments);
        Assert.IsType<InvalidOperationException>(calls[1].Exception);
        Assert.StartsWith("call_", calls[2].CallId, StringComparison.Ordinal); // no id sent: one is synthesized
        AssertCall(calls[2], calls[2].CallId, "get_weather", "{}");
    }
}

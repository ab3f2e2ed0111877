using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Cases.ContentCaseTests;
using static ModelCatalog.Runtime.Tests.Cases.Scripted;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>Same kind as cases 04 and 05: reasoning is read once and sent back the way the server needs it.</summary>
public sealed class ReasoningRoundTripTests
{
    private const string Oai = "oai/gpt-4.1-mini";

    private static string Sunny => ChatResponse("""{"role":"assistant","content":"Sunny."}""", "stop");

    [Fact]
    public async Task Streamed_reasoning_content_is_replayed_in_the_same_field_with_the_tool_calls()
    {
        await using var server = await Serve(
            ChatStream(
                Delta("""{"role":"assistant","content":"","reasoning_content":"Need the "}"""),
                Delta("""{"reasoning_content":"weather tool."}"""),
                Delta("""{"tool_calls":[{"index":0,"id":"get_weather:0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}"""),
                Delta("{}", "tool_calls")),
            Json(Sunny));
        using var client = NewClient(server);

        var first = await Stream(client, ProviderCases.Question(), WithTools(Oai));
        Assert.Equal("Need the weather tool.", ReasoningText(first));
        Assert.Equal("", first.Text);
        await client.GetResponseAsync(SecondTurn(first), WithTools(Oai));

        var assistant = server.Requests[1].Json.GetProperty("messages")[1];
        Assert.Equal("Need the weather tool.", assistant.GetProperty("reasoning_content").GetString());
        Assert.Equal("get_weather:0", assistant.GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.False(assistant.TryGetProperty("reasoning", out _));
    }

    [Fact]
    public async Task Reasoning_in_the_reasoning_field_goes_back_in_that_field_on_an_answer_without_tool_calls()
    {
        await using var server = await Serve(
            Json(ChatResponse("""{"role":"assistant","content":"Hi.","reasoning":"Greet back."}""", "stop")),
            Json(Sunny));
        using var client = NewClient(server);

        var first = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai });
        var history = ProviderCases.Question();
        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, "And tomorrow?"));
        await client.GetResponseAsync(history, new ChatOptions { ModelId = Oai });

        JsonEqual("""{"role":"assistant","content":"Hi.","reasoning":"Greet back."}""",
            server.Requests[1].Json.GetProperty("messages")[1].GetRawText());
    }

    [Fact]
    public async Task The_same_reasoning_in_two_dialects_at_once_is_reported_once()
    {
        await using var server = await Serve(Json(ChatResponse(
            """{"role":"assistant","content":"<think>\nGreet back.\n</think>\n\nHi.","reasoning_content":"Greet back."}""", "stop")));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        Assert.Equal("Greet back.", Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>()).Text);
        Assert.Equal("Hi.", response.Text);
    }

    [Fact]
    public async Task The_same_reasoning_streamed_in_two_dialects_at_once_is_reported_once()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","reasoning_content":"Greet back."}"""),
            Delta("""{"content":"<think>Greet"}"""),
            Delta("""{"content":" back.</think>Hi."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        Assert.Equal("Greet back.", ReasoningText(response));
        Assert.Equal("Hi.", response.Text);
    }

    [Fact]
    public async Task A_closing_think_tag_without_an_opening_one_still_ends_the_reasoning()
    {
        await using var server = await Serve(Json(ChatResponse("""{"role":"assistant","content":"The user greets.\n</think>\n\nHi."}""", "stop")));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        Assert.Equal("The user greets.", ReasoningText(response));
        Assert.Equal("Hi.", response.Text);
    }

    private const string Mm = "minimax/MiniMax-M2.5"; // a reasoning model behind Chat Completions

    // What each streamed update carried, in order: "r:" reasoning and "t:" text parts (usage and empty parts left out).
    private static async Task<List<string>> StreamedParts(CatalogChatClient client, string modelRef)
    {
        var updates = await CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = modelRef }));
        return updates.Select(u => string.Join("|", u.Contents.Select(c => c switch
        {
            TextReasoningContent r when r.Text.Length > 0 => "r:" + r.Text,
            TextContent t when t.Text.Length > 0 => "t:" + t.Text,
            _ => null,
        }).Where(p => p is not null))).Where(p => p.Length > 0).ToList();
    }

    [Fact]
    public async Task A_streamed_closing_think_tag_without_an_opening_one_ends_the_reasoning_of_a_reasoning_model()
    {
        await using var server = await Serve(
            ChatStream(
                Delta("""{"role":"assistant","content":"The user "}"""),
                Delta("""{"content":"greets.\n</think>\n\nHi"}"""),
                Delta("""{"content":" there."}"""),
                Delta("{}", "stop")),
            Json(Sunny));
        using var client = NewClient(server);

        var first = (await CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Mm }))).ToChatResponse();
        Assert.Equal("The user greets.", ReasoningText(first));
        Assert.Equal("Hi there.", first.Text);
        var history = ProviderCases.Question();
        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, "And tomorrow?"));
        await client.GetResponseAsync(history, new ChatOptions { ModelId = Mm });

        // Replayed the way it came: as a think block in content (the reasoning is not sent twice).
        JsonEqual("""{"role":"assistant","content":"<think>\nThe user greets.\n</think>\n\nHi there."}""",
            server.Requests[1].Json.GetProperty("messages")[1].GetRawText());
    }

    [Fact]
    public async Task A_streamed_orphan_closing_tag_is_held_back_whole_then_split_once()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","content":"Plan."}"""),
            Delta("""{"content":"</thi"}"""),
            Delta("""{"content":"nk>Hi."}"""),
            Delta("""{"content":" Bye."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "r:Plan.|t:Hi.", "t: Bye." }, await StreamedParts(client, Mm));
    }

    [Fact]
    public async Task A_streamed_opening_think_tag_of_a_reasoning_model_streams_the_reasoning_as_it_comes()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","content":"<think>\nPlan"}"""),
            Delta("""{"content":" more.\n</think>\n\nHi."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "r:Plan", "r: more.|t:Hi." }, await StreamedParts(client, Mm));
    }

    [Fact]
    public async Task The_text_of_a_model_without_reasoning_is_never_held_back()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","content":"Hello"}"""),
            Delta("""{"content":" there.</think> Bye."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "t:Hello", "t: there.</think> Bye." }, await StreamedParts(client, Oai));
    }

    [Fact]
    public async Task A_reasoning_field_releases_held_content_as_answer_text_and_later_content_flows()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","reasoning_content":"Plan."}"""),
            Delta("""{"content":"Hi"}"""),
            Delta("""{"content":" there.</think>"}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "r:Plan.", "t:Hi", "t: there.</think>" }, await StreamedParts(client, Mm));
    }

    [Fact]
    public async Task Held_content_is_released_as_text_by_a_tool_call_or_by_the_end_of_the_stream()
    {
        await using var server = await Serve(
            ChatStream(
                Delta("""{"role":"assistant","content":"Let me check."}"""),
                Delta("""{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]}"""),
                Delta("""{"content":" Done."}"""),
                Delta("{}", "tool_calls")),
            ChatStream(
                Delta("""{"role":"assistant","content":"Hi"}"""),
                Delta("""{"content":" there."}"""),
                Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "t:Let me check.", "t: Done." }, await StreamedParts(client, Mm));
        Assert.Equal(new[] { "t:Hi there." }, await StreamedParts(client, Mm));
    }

    [Fact]
    public async Task Held_content_is_released_as_text_once_the_hold_limit_is_reached()
    {
        var big = new string('a', ThinkLimit);
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","content":"x"}"""),
            Delta("""{"content":""" + "\"" + big + "\"}"),
            Delta("""{"content":" then </think> stays text."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        Assert.Equal(new[] { "t:x" + big, "t: then </think> stays text." }, await StreamedParts(client, Mm));
    }

    private const int ThinkLimit = 64 * 1024;

    [Fact]
    public async Task Anthropic_stream_redacted_thinking_and_thinking_with_signature_deltas_are_replayed_before_tool_use()
    {
        await using var server = await Serve(
            Events(
                """{"type":"message_start","message":{"id":"msg_1","model":"MiniMax-M2.5","content":[],"usage":{"input_tokens":10,"output_tokens":1}}}""",
                """{"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking","data":"REDACTED=="}}""",
                """{"type":"content_block_stop","index":0}""",
                """{"type":"content_block_start","index":1,"content_block":{"type":"thinking","thinking":"","signature":""}}""",
                """{"type":"content_block_delta","index":1,"delta":{"type":"thinking_delta","thinking":"Call "}}""",
                """{"type":"content_block_delta","index":1,"delta":{"type":"thinking_delta","thinking":"the tool."}}""",
                """{"type":"content_block_delta","index":1,"delta":{"type":"signature_delta","signature":"SIG1"}}""",
                """{"type":"content_block_stop","index":1}""",
                """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}""",
                """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Paris\"}"}}""",
                """{"type":"content_block_stop","index":2}""",
                """{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":30}}""",
                """{"type":"message_stop"}"""),
            Json("""{"id":"msg_2","type":"message","role":"assistant","content":[{"type":"text","text":"Sunny."}],"stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":4}}"""));
        using var client = NewClient(server);

        var first = await Stream(client, ProviderCases.Question(), WithTools("mmant/MiniMax-M2.5"));
        await client.GetResponseAsync(SecondTurn(first), WithTools("mmant/MiniMax-M2.5"));

        JsonEqual("""
            [{"type":"redacted_thinking","data":"REDACTED=="},
             {"type":"thinking","thinking":"Call the tool.","signature":"SIG1"},
             {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]
            """, server.Requests[1].Json.GetProperty("messages")[1].GetProperty("content").GetRawText());
    }

    [Fact]
    public async Task Responses_reasoning_item_with_encrypted_content_round_trips_without_streaming()
    {
        await using var server = await Serve(
            Json("""
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-5-mini",
                 "output":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Use the tool."}],"encrypted_content":"ENC=="},
                           {"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"}],
                 "usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}
                """),
            Json("""{"id":"resp_2","object":"response","status":"completed","output":[{"type":"message","id":"m","role":"assistant","content":[{"type":"output_text","text":"Sunny."}]}]}"""));
        using var client = NewClient(server);

        var first = await client.GetResponseAsync(ProviderCases.Question(), WithTools("resp/gpt-5-mini"));
        Assert.Equal("Use the tool.", ReasoningText(first));
        await client.GetResponseAsync(SecondTurn(first), WithTools("resp/gpt-5-mini"));

        var input = server.Requests[1].Json.GetProperty("input");
        JsonEqual("""{"type":"reasoning","summary":[{"type":"summary_text","text":"Use the tool."}],"encrypted_content":"ENC=="}""", input[1].GetRawText());
        Assert.Equal("call_1", input[2].GetProperty("call_id").GetString());
        Assert.Equal("call_1", input[3].GetProperty("call_id").GetString());
    }
}

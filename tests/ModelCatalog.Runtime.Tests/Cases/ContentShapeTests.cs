using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Cases.ContentCaseTests;
using static ModelCatalog.Runtime.Tests.Cases.Scripted;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>Same kind as cases 05 and 06: content shapes (typed parts, refusals, content in start events) in every protocol.</summary>
public sealed class ContentShapeTests
{
    private const string Oai = "oai/gpt-4.1-mini";
    private const string Anth = "anth/claude-sonnet-4-5";
    private const string Resp = "resp/gpt-5-mini";

    private const string Completed =
        """{"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],"usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}}""";

    [Fact]
    public async Task Chat_refusal_is_an_error_content_with_content_filter_never_an_empty_stop()
    {
        await using var server = await Serve(Json(ChatResponse("""{"role":"assistant","content":null,"refusal":"I can't help with that."}""", "stop")));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        AssertRefusal(response, "I can't help with that.");
    }

    [Fact]
    public async Task Chat_streamed_refusal_deltas_and_refusal_parts_are_one_error_content_with_content_filter()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"role":"assistant","refusal":"I can't "}"""),
            Delta("""{"content":[{"type":"refusal","refusal":"help with that."}]}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        AssertRefusal(response, "I can't help with that.");
    }

    [Fact]
    public async Task Chat_unknown_part_types_are_skipped_and_strings_mix_with_parts()
    {
        await using var server = await Serve(Json(ChatResponse(
            """{"role":"assistant","content":[{"type":"image_url","image_url":{"url":"x"}},"It is ",{"type":"text","text":"sunny."},{"type":"thinking","thinking":"Brief."}]}""",
            "stop")));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        Assert.Equal("It is sunny.", response.Text);
        Assert.Equal("Brief.", ReasoningText(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Chat_reasoning_field_given_as_parts_is_read()
    {
        await using var server = await Serve(ChatStream(
            Delta("""{"reasoning_content":[{"type":"text","text":"Think "}]}"""),
            Delta("""{"reasoning_content":"more.","content":"Done."}"""),
            Delta("{}", "stop")));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Oai });

        Assert.Equal("Think more.", ReasoningText(response));
        Assert.Equal("Done.", response.Text);
    }

    [Fact]
    public async Task Responses_refusal_part_is_an_error_content_with_content_filter()
    {
        await using var server = await Serve(Json("""
            {"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"msg_1","role":"assistant",
              "content":[{"type":"refusal","refusal":"I can't help with that."}]}],"usage":{"input_tokens":10,"output_tokens":5,"total_tokens":15}}
            """));
        using var client = NewClient(server);

        AssertRefusal(await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Resp }), "I can't help with that.");
    }

    [Fact]
    public async Task Responses_streamed_refusal_is_an_error_content_with_content_filter()
    {
        await using var server = await Serve(Events(
            """{"type":"response.output_item.added","output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","content":[]}}""",
            """{"type":"response.refusal.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"I can't "}""",
            """{"type":"response.refusal.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"help with that."}""",
            """{"type":"response.output_item.done","output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]}}""",
            Completed));
        using var client = NewClient(server);

        AssertRefusal(await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Resp }), "I can't help with that.");
    }

    [Fact]
    public async Task Responses_stream_keeps_item_text_that_came_without_deltas_and_does_not_double_streamed_text()
    {
        await using var server = await Serve(Events(
            """{"type":"response.output_item.added","output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"First. "}]}}""",
            """{"type":"response.output_item.done","output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"First. "}]}}""",
            """{"type":"response.output_item.added","output_index":1,"item":{"type":"message","id":"msg_2","role":"assistant","content":[]}}""",
            """{"type":"response.output_text.delta","item_id":"msg_2","output_index":1,"content_index":0,"delta":"Second. "}""",
            """{"type":"response.output_item.done","output_index":1,"item":{"type":"message","id":"msg_2","role":"assistant","content":[{"type":"output_text","text":"Second. "}]}}""",
            """{"type":"response.output_item.done","output_index":2,"item":{"type":"message","id":"msg_3","role":"assistant","content":[{"type":"output_text","text":"Third."}]}}""",
            Completed));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Resp });

        Assert.Equal(new[] { "First. ", "Second. ", "Third." }, response.Messages.Select(m => m.Text));
        Assert.Equal(new[] { "msg_1", "msg_2", "msg_3" }, response.Messages.Select(m => m.MessageId));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Responses_stream_reasoning_whole_in_output_item_added_is_kept_once_with_its_encrypted_content()
    {
        await using var server = await Serve(Events(
            """{"type":"response.output_item.added","output_index":0,"item":{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Short plan."}]}}""",
            """{"type":"response.output_item.done","output_index":0,"item":{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Short plan."}],"encrypted_content":"ENC=="}}""",
            """{"type":"response.output_text.delta","item_id":"msg_1","output_index":1,"content_index":0,"delta":"Hi."}""",
            Completed));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Resp });

        var reasoning = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>());
        Assert.Equal("Short plan.", reasoning.Text);
        Assert.Equal("ENC==", reasoning.ProtectedData);
        Assert.Equal("Hi.", response.Text);
    }

    [Fact]
    public async Task Responses_several_message_items_give_the_same_text_streamed_and_not()
    {
        const string Items = """
            [{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"One."},{"type":"output_text","text":" Two."}]},
             {"type":"message","id":"msg_2","role":"assistant","content":[{"type":"output_text","text":" Three."}]}]
            """;
        await using var server = await Serve(
            Json("""{"id":"resp_1","object":"response","status":"completed","output":""" + Items + "}"),
            Events(
                """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"One."}""",
                """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":1,"delta":" Two."}""",
                """{"type":"response.output_text.delta","item_id":"msg_2","output_index":1,"content_index":0,"delta":" Three."}""",
                Completed));
        using var client = NewClient(server);

        var whole = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Resp });
        var streamed = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Resp });

        Assert.Equal(new[] { "One.", " Two.", " Three." }, whole.Messages.Single().Contents.OfType<TextContent>().Select(t => t.Text));
        Assert.Equal("One. Two. Three.", whole.Text);

        // Streamed, each message item is its own message: ToChatResponse() joins the text of one message's updates
        // and puts a line break between messages, so the text differs from the whole response only by that separator.
        Assert.Equal(new[] { "One. Two.", " Three." }, streamed.Messages.Select(m => m.Text));
        Assert.Equal(new[] { "msg_1", "msg_2" }, streamed.Messages.Select(m => m.MessageId)); // no response.created: the first item names itself
        Assert.Equal("One. Two.\n Three.", streamed.Text);
    }

    [Fact]
    public async Task Responses_message_items_sent_whole_in_item_events_stay_separate_messages_after_reasoning()
    {
        await using var server = await Serve(Events(
            """{"type":"response.created","response":{"id":"resp_1","status":"in_progress","output":[]}}""",
            """{"type":"response.output_item.done","output_index":0,"item":{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Plan."}]}}""",
            """{"type":"response.output_item.added","output_index":1,"item":{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"One."}]}}""",
            """{"type":"response.output_item.done","output_index":2,"item":{"type":"message","id":"msg_2","role":"assistant","content":[{"type":"output_text","text":" Two."}]}}""",
            Completed));
        using var client = NewClient(server);

        var streamed = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Resp });

        Assert.Equal(new[] { "resp_1", "msg_2" }, streamed.Messages.Select(m => m.MessageId));
        Assert.Equal("Plan.", Assert.Single(streamed.Messages[0].Contents.OfType<TextReasoningContent>()).Text);
        Assert.Equal("One.", Assert.Single(streamed.Messages[0].Contents.OfType<TextContent>()).Text);
        Assert.Equal(" Two.", Assert.Single(streamed.Messages[1].Contents.OfType<TextContent>()).Text);
        Assert.NotNull(streamed.Usage);
    }

    [Fact]
    public async Task Anthropic_content_given_as_a_string_is_kept()
    {
        await using var server = await Serve(Json(
            """{"id":"msg_1","type":"message","role":"assistant","content":"Sunny.","stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":2}}"""));
        using var client = NewClient(server);

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = Anth });

        Assert.Equal("Sunny.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Anthropic_stream_keeps_content_and_stop_reason_sent_whole_in_message_start_and_block_start()
    {
        await using var server = await Serve(Events(
            """{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[{"type":"text","text":"It is "}],"stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":4}}}""",
            """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":"sunny"}}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" in Paris."}}""",
            """{"type":"content_block_stop","index":1}""",
            """{"type":"message_stop"}"""));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Anth });

        Assert.Equal("It is sunny in Paris.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(4, response.Usage!.OutputTokenCount);
    }

    [Fact]
    public async Task Anthropic_stream_block_events_repeating_message_start_content_are_not_read_twice()
    {
        await using var server = await Serve(Events(
            """{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Sunny."}],"stop_reason":null,"usage":{"input_tokens":10,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Sunny."}}""",
            """{"type":"content_block_stop","index":0}""",
            """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}}""",
            """{"type":"message_stop"}"""));
        using var client = NewClient(server);

        var response = await Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Anth });

        Assert.Equal("Sunny.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Anthropic_second_message_spliced_into_an_unfinished_stream_is_an_error()
    {
        await using var server = await Serve(Events(
            """{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":10,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"It is"}}""",
            """{"type":"message_start","message":{"id":"msg_2","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":10,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Other answer."}}""",
            """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":5}}""",
            """{"type":"message_stop"}"""));
        using var client = NewClient(server);

        var error = await Assert.ThrowsAsync<ModelRequestException>(() => Stream(client, ProviderCases.Question(), new ChatOptions { ModelId = Anth }));

        Assert.Contains("second message (msg_2) before message msg_1 ended", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRefusal(ChatResponse response, string refusal)
    {
        var error = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>());
        Assert.Equal(refusal, error.Message);
        Assert.Equal("Refusal", error.ErrorCode);
        Assert.Equal("", response.Text);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
    }
}

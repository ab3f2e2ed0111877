using System.Text.Json;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Cases;

/// <summary>
/// The handed provider cases about content (tests/data/cases/providers: 03, 04, 05, 06, 07, 10), each run as
/// case.md describes it, asserting every value under "Expected".
/// </summary>
public sealed class ContentCaseTests
{
    [Fact]
    public async Task Case_03_parallel_tools_same_index()
    {
        await using var server = await ScriptedProvider.Load("03-parallel-tools-same-index").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var updates = await CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(),
            new ChatOptions { ModelId = "oai/gpt-4.1-mini", Tools = [ProviderCases.GetWeather] }));
        var response = updates.ToChatResponse();

        var calls = Calls(response);
        Assert.Equal(2, calls.Count);
        AssertCall(calls[0], "call_a", "get_weather", """{"city":"Paris"}""");
        AssertCall(calls[1], "call_b", "get_weather", """{"city":"Rome"}""");
        Assert.Equal("", response.Text);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        AssertUsage(response.Usage, 50, 20, 70);
        Assert.Equal(0.0002625m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Case_04_reasoning_content_replay()
    {
        await using var server = await ScriptedProvider.Load("04-reasoning-content-replay").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());
        var options = new ChatOptions { ModelId = "oai/gpt-4.1-mini", Tools = [ProviderCases.GetWeather] };

        var first = await client.GetResponseAsync(ProviderCases.Question(), options);

        Assert.Equal("", first.Text);
        Assert.Equal("Need the weather tool.", ReasoningText(first));
        AssertCall(Assert.Single(Calls(first)), "get_weather:0", "get_weather", """{"city":"Paris"}""");
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", first.ModelId);
        AssertUsage(first.Usage, 40, 20, 60);
        Assert.Equal(0.00025m, first.GetCost());

        var second = await client.GetResponseAsync(SecondTurn(first), options);

        var body = server.Requests[1].Json.GetProperty("messages");
        Assert.Equal("assistant", body[1].GetProperty("role").GetString());
        Assert.Equal("Need the weather tool.", body[1].GetProperty("reasoning_content").GetString());
        var toolCall = Assert.Single(body[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("get_weather:0", toolCall.GetProperty("id").GetString());
        Assert.Equal("function", toolCall.GetProperty("type").GetString());
        Assert.Equal("get_weather", toolCall.GetProperty("function").GetProperty("name").GetString());
        JsonEqual("""{"city":"Paris"}""", toolCall.GetProperty("function").GetProperty("arguments").GetString()!);
        Assert.Equal("tool", body[2].GetProperty("role").GetString());
        Assert.Equal("get_weather:0", body[2].GetProperty("tool_call_id").GetString());

        Assert.Equal("It is sunny in Paris.", second.Text);
        Assert.Equal("oai/gpt-4.1-mini", second.ModelId);
        Assert.Equal(0.0002m, second.GetCost());
        Assert.Equal(2, server.CountFor("/oai/v1/chat/completions"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Case_05_thinking_signature_in_block_start()
    {
        const string Signature = "4f1c0a9e2b7d5c3e8a6f0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4";
        await using var server = await ScriptedProvider.Load("05-thinking-signature-in-block-start").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl, withFallback: false), null, ProviderCases.Options());
        var options = new ChatOptions { ModelId = "mmant/MiniMax-M2.5", Tools = [ProviderCases.GetWeather] };

        var merged = (await CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(), options))).ToChatResponse();

        Assert.Equal("Need weather; call the tool.", ReasoningText(merged));
        var reasoning = Assert.Single(merged.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>());
        Assert.Equal(Signature, reasoning.ProtectedData);
        AssertCall(Assert.Single(Calls(merged)), "call_function_x1", "get_weather", """{"city":"Paris"}""");
        Assert.Equal("", merged.Text);
        Assert.Equal(ChatFinishReason.ToolCalls, merged.FinishReason);
        Assert.Equal("mmant/MiniMax-M2.5", merged.ModelId);
        Assert.Equal(21, merged.Usage!.InputTokenCount);
        Assert.Equal(40, merged.Usage.OutputTokenCount);
        Assert.Equal(0.0000543m, merged.GetCost());

        var second = await client.GetResponseAsync(SecondTurn(merged), options);

        var messages = server.Requests[1].Json.GetProperty("messages");
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        JsonEqual($$$"""
            [{"type":"thinking","thinking":"Need weather; call the tool.","signature":"{{{Signature}}}"},
             {"type":"tool_use","id":"call_function_x1","name":"get_weather","input":{"city":"Paris"}}]
            """, messages[1].GetProperty("content").GetRawText());
        Assert.Equal("tool_result", messages[2].GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal("call_function_x1", messages[2].GetProperty("content")[0].GetProperty("tool_use_id").GetString());
        Assert.Equal("Sunny.", second.Text);
        Assert.Equal(2, server.CountFor("/mma/v1/messages"));
    }

    [Theory]
    [InlineData("script.json", false, "Weather question.")]
    [InlineData("script.stream.json", true, "Weather")]
    public async Task Case_06_content_parts_array(string script, bool streaming, string reasoning)
    {
        await using var server = await ScriptedProvider.Load("06-content-parts-array", script).StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());
        var options = new ChatOptions { ModelId = "oai/gpt-4.1-mini" };

        var response = streaming
            ? (await CollectAsync(client.GetStreamingResponseAsync(ProviderCases.Question(), options))).ToChatResponse()
            : await client.GetResponseAsync(ProviderCases.Question(), options);

        Assert.Equal("It is sunny in Paris.", response.Text);
        Assert.Equal(reasoning, ReasoningText(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        AssertUsage(response.Usage, 20, 10, 30);
        Assert.Equal(0.000125m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Case_07_tool_arguments_object()
    {
        await using var server = await ScriptedProvider.Load("07-tool-arguments-object").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await client.GetResponseAsync(ProviderCases.Question(),
            new ChatOptions { ModelId = "oai/gpt-4.1-mini", Tools = [ProviderCases.GetWeather] });

        AssertCall(Assert.Single(Calls(response)), "call_1", "get_weather", """{"city":"Paris"}""");
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        AssertUsage(response.Usage, 10, 5, 15);
        Assert.Equal(0.0000625m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    [Fact]
    public async Task Case_10_cache_hit_usage_fields()
    {
        await using var server = await ScriptedProvider.Load("10-cache-hit-usage-fields").StartAsync();
        using var client = new CatalogChatClient(ProviderCases.Catalog(server.BaseUrl), null, ProviderCases.Options());

        var response = await client.GetResponseAsync(ProviderCases.Question(), new ChatOptions { ModelId = "oai/gpt-4.1-mini" });

        Assert.Equal("Hi", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("oai/gpt-4.1-mini", response.ModelId);
        Assert.Equal(2006, response.Usage!.InputTokenCount);
        Assert.Equal(1920, response.Usage.CachedInputTokenCount);
        Assert.Equal(300, response.Usage.OutputTokenCount);
        Assert.Equal(2306, response.Usage.TotalTokenCount);
        Assert.Equal(0.0033475m, response.GetCost());
        Assert.Equal(1, server.CountFor("/oai/"));
        Assert.Equal(0, server.CountFor("/back/"));
    }

    /// <summary>The cases' "second turn": the question, the first response's messages, and one tool result per call.</summary>
    internal static List<ChatMessage> SecondTurn(ChatResponse first)
    {
        var messages = ProviderCases.Question();
        messages.AddRange(first.Messages);
        messages.Add(new ChatMessage(ChatRole.Tool, Calls(first).Select(c => (AIContent)new FunctionResultContent(c.CallId, "Sunny")).ToList()));
        return messages;
    }

    internal static List<FunctionCallContent> Calls(ChatResponse response) =>
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();

    internal static string ReasoningText(ChatResponse response) =>
        string.Concat(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Select(r => r.Text));

    internal static void AssertCall(FunctionCallContent call, string callId, string name, string argumentsJson)
    {
        Assert.Null(call.Exception);
        Assert.Equal(callId, call.CallId);
        Assert.Equal(name, call.Name);
        JsonEqual(argumentsJson, JsonSerializer.Serialize(call.Arguments));
    }

    internal static void AssertUsage(UsageDetails? usage, long input, long output, long total)
    {
        Assert.NotNull(usage);
        Assert.Equal(input, usage.InputTokenCount);
        Assert.Equal(output, usage.OutputTokenCount);
        Assert.Equal(total, usage.TotalTokenCount);
    }
}

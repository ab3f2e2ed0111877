using System.Text.Json;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.MiniMax;

public sealed class MiniMaxTests
{
    private static ProviderInfo Provider(string baseUrl, string id = "minimax") => Catalog.CreateBuilder()
        .AddProvider(id, baseUrl, ModelApi.AnthropicMessages, "${MINIMAX_API_KEY}", authHeader: true).AddModel(id, "MiniMax-M2.1")
        .Build().GetProvider(id);

    [Fact]
    public void The_remains_url_is_the_origin_of_the_providers_base_url()
    {
        Assert.Equal("https://api.minimax.io/v1/api/openplatform/coding_plan/remains",
            MiniMaxCodingPlan.GetRemainsUrl(Provider("https://api.minimax.io/anthropic")).ToString());
        Assert.Equal("https://api.minimaxi.com/v1/api/openplatform/coding_plan/remains",
            MiniMaxCodingPlan.GetRemainsUrl(Provider("https://api.minimaxi.com/anthropic", "minimax-cn")).ToString());
    }

    [Theory]
    [InlineData("""{"model_remains":[{"model_name":"speech-hd","current_interval_total_count":0,"current_interval_usage_count":0},{"model_name":"MiniMax-M2","current_interval_total_count":1500,"current_interval_usage_count":1200,"current_weekly_total_count":9000,"current_weekly_usage_count":8000,"start_time":1767225600000,"end_time":1767243600000}],"base_resp":{"status_code":0,"status_msg":"success"}}""")]
    [InlineData("""{"data":{"model_remains":[{"model_name":"speech-hd","current_interval_total_count":0,"current_interval_usage_count":0},{"model_name":"MiniMax-M2","current_interval_total_count":"1500","current_interval_usage_count":"1200","current_weekly_total_count":9000,"current_weekly_usage_count":8000,"start_time":1767225600000,"end_time":1767243600000}]},"base_resp":{"status_code":0}}""")]
    public async Task Remains_are_read_at_top_level_or_under_data_and_usage_counts_mean_remaining(string body)
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(body));
        using var http = new HttpClient();

        var remains = await MiniMaxCodingPlan.GetRemainsAsync(Provider(server.BaseUrl + "/anthropic"), http, DefaultSecrets());

        var request = server.Single("/");
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/api/openplatform/coding_plan/remains", request.Path);
        Assert.Equal("Bearer " + MiniMaxKey, request.Header("authorization"));
        Assert.Equal(2, remains.Models.Count);
        var chat = remains.ChatModel!;
        Assert.Equal("MiniMax-M2", chat.ModelName);
        Assert.Equal(1500, chat.IntervalTotal);
        Assert.Equal(1200, chat.IntervalRemaining);
        Assert.Equal(300, chat.IntervalUsed);
        Assert.Equal(0.2, chat.IntervalUsedFraction, 6);
        Assert.Equal(8000, chat.WeeklyRemaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767243600000), chat.IntervalEnd);
    }

    [Fact]
    public async Task A_non_zero_base_resp_status_is_an_error_without_the_key()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) =>
            context.Json("""{"base_resp":{"status_code":1004,"status_msg":"invalid key """ + MiniMaxKey + "\"}}"));
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<MiniMaxCodingPlanException>(() =>
            MiniMaxCodingPlan.GetRemainsAsync(Provider(server.BaseUrl + "/anthropic"), http, DefaultSecrets()));

        Assert.Equal(1004, error.StatusCode);
        Assert.DoesNotContain(MiniMaxKey, error.ToString());
    }

    [Fact]
    public async Task A_missing_key_names_the_variable()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<MiniMaxCodingPlanException>(() =>
            MiniMaxCodingPlan.GetRemainsAsync(Provider("http://127.0.0.1:9/anthropic"), http, Secrets()));

        Assert.Contains("MINIMAX_API_KEY", error.Message);
    }

    [Theory]
    [InlineData("<think>\nUser greets me.\n</think>\n\nHi!")]
    [InlineData("<th|ink>\nUser |greets me.\n</th|ink>\n|\nHi|!")]
    [InlineData("  <think>User greets me.|</think>Hi!")]
    [InlineData("<|t|h|i|n|k|>|User greets me.|<|/|think|>|H|i!")]
    public void Think_tags_are_split_whatever_the_chunking(string chunked)
    {
        var chunks = chunked.Split('|');
        var splitter = new ThinkTagSplitter();
        var reasoning = "";
        var text = "";
        foreach (var chunk in chunks)
        {
            splitter.Feed(chunk, out var r, out var t);
            reasoning += r;
            text += t;
        }

        splitter.Flush(out var lastReasoning, out var lastText);

        Assert.Equal("User greets me.", reasoning + lastReasoning);
        Assert.Equal("Hi!", text + lastText);
        ThinkTagSplitter.Split(string.Concat(chunks), out var whole, out var answer);
        Assert.Equal("User greets me.", whole);
        Assert.Equal("Hi!", answer);
    }

    [Theory]
    [InlineData("Hi! <think>not at start</think>")]
    [InlineData("<thin")]
    public void Content_without_a_leading_think_block_is_plain_text(string content)
    {
        var splitter = new ThinkTagSplitter();
        splitter.Feed(content, out var reasoning, out var text);
        splitter.Flush(out var lastReasoning, out var lastText);

        Assert.Equal("", reasoning + lastReasoning);
        Assert.Equal(content, text + lastText);
    }
}

using System.Net;

namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>The replay server follows the script format of tests/data/cases/providers/README.md.</summary>
public sealed class ScriptedProviderTests
{
    [Fact]
    public async Task Responses_come_in_order_the_last_repeats_and_unlisted_routes_are_404()
    {
        var script = ScriptedProvider.Parse("""
            { "POST /a": [ { "status": 500, "json": { "n": 1 } }, { "json": { "n": 2 } } ] }
            """);
        await using var server = await script.StartAsync();
        using var http = new HttpClient();
        var bodies = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var response = await http.PostAsync(server.BaseUrl + "/a", new StringContent("{}"));
            bodies.Add((int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(new[] { """500 {"n":1}""", """200 {"n":2}""", """200 {"n":2}""" }, bodies);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(server.BaseUrl + "/b", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task Require_sends_otherwise_when_a_check_fails()
    {
        var script = ScriptedProvider.Parse("""
            { "POST /a": [ { "require": [ { "path": "messages.1.reasoning_content", "present": true } ], "json": { "ok": true },
                             "otherwise": { "status": 400, "json": { "ok": false } } } ] }
            """);
        await using var server = await script.StartAsync();
        using var http = new HttpClient();
        var without = await http.PostAsync(server.BaseUrl + "/a", new StringContent("""{"messages":[{},{}]}"""));
        var with = await http.PostAsync(server.BaseUrl + "/a", new StringContent("""{"messages":[{},{"reasoning_content":""}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("""{"ok":true}""", await with.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chunks_are_written_one_by_one_and_a_stall_holds_the_body_open()
    {
        var script = ScriptedProvider.Parse("""
            { "POST /s": [ { "chunks": [ "data: 1\n\n", "data: 2\n\n" ], "chunk_delay": 0, "stall": 30 } ] }
            """);
        await using var server = await script.StartAsync();
        using var http = new HttpClient();
        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/s"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("data: 1", await reader.ReadLineAsync());
        Assert.Equal("", await reader.ReadLineAsync());
        Assert.Equal("data: 2", await reader.ReadLineAsync());
        Assert.Equal("", await reader.ReadLineAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadLineAsync(timeout.Token));
    }
}

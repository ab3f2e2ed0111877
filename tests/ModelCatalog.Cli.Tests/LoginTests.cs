using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Runtime.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// <c>login minimax</c>, <c>logout minimax</c>, and <c>remains</c> / <c>status</c> with a sign-in, against a loopback
/// server that is the OAuth server and the Coding Plan endpoint at once. The poll clock steps instead of sleeping.
/// </summary>
public sealed class LoginTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string RemainsBody = """{"model_remains":[{"model_name":"MiniMax-M2","current_interval_total_count":1500,"current_interval_usage_count":1200}],"base_resp":{"status_code":0,"status_msg":"success"}}""";

    private readonly string _folder = Cli.TempFolder(("models.yaml", "models:\n  providers:\n    minimax:\n      baseUrl: https://api.minimax.io/anthropic\n"));
    private readonly FileOAuthTokenStore _store;
    private readonly SteppingTimeProvider _clock = new(Start);

    public LoginTests() => _store = new FileOAuthTokenStore(Path.Combine(_folder, "home", ".modelcatalog", "oauth"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => HttpUtility.UrlDecode(p[0]), p => HttpUtility.UrlDecode(p[1]));

    /// <summary>/oauth/code echoes the state; /oauth/token answers <paramref name="polls"/> in order; the remains path answers with the quota.</summary>
    private static Task<FakeProviderServer> Server(params (int Status, string Body)[] polls)
    {
        var queue = new Queue<(int, string)>(polls);
        return FakeProviderServer.StartAsync((context, request) =>
        {
            if (request.Path == "/oauth/code")
            {
                return context.Json("{\"user_code\":\"QX7-PL2\",\"verification_uri\":\"https://platform.minimax.io/oauth-authorize?user_code=QX7-PL2\",\"expired_in\":" +
                    Start.AddMinutes(10).ToUnixTimeMilliseconds() + ",\"interval\":1000,\"state\":\"" + Form(request.Body)["state"] + "\"}");
            }

            if (request.Path == "/oauth/token")
            {
                var (status, body) = queue.Count > 0 ? queue.Dequeue() : (400, """{"error":"authorization_pending"}""");
                return context.Json(body, status);
            }

            return context.Json(RemainsBody);
        });
    }

    private CliResult Run(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Cli.Run(_folder, variables, null, _store, _clock, args);

    [Fact]
    public async Task Login_prints_the_page_and_code_polls_and_stores_the_tokens_owner_only()
    {
        await using var server = await Server(
            (400, """{"error":"authorization_pending"}"""),
            (400, """{"error":"slow_down"}"""),
            (200, "{\"status\":\"success\",\"access_token\":\"at-cli-77aa88bb\",\"refresh_token\":\"rt-cli-99cc00dd\",\"expired_in\":3600,\"resource_url\":\"" + "https://api.minimax.io/anthropic\"}"));

        var result = await Task.Run(() => Run(null, "login", "minimax", "--base-url", server.BaseUrl));

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        var path = _store.GetPath("minimax-portal");
        Assert.Equal(
            "Open https://platform.minimax.io/oauth-authorize?user_code=QX7-PL2\n" +
            "and approve the sign-in with the code QX7-PL2 (valid for 10 min).\n" +
            "Waiting for approval…\n" +
            "Signed in: provider minimax-portal at https://api.minimax.io/anthropic, token valid until 2026-01-01 01:00 UTC (renewed automatically).\n" +
            "Stored in " + path + " (owner-only). Use models like minimax-portal/MiniMax-M2.7.\n",
            result.Output);
        Assert.DoesNotContain("at-cli-77aa88bb", result.Output);
        Assert.Equal(new[] { 2.0, 2, 7 }, _clock.Waits.Select(w => w.TotalSeconds));
        var code = Form(server.Single("/oauth/code").Body);
        Assert.Equal(("code", "S256", "group_id profile model.completion"), (code["response_type"], code["code_challenge_method"], code["scope"]));
        Assert.Equal(3, server.CountFor("/oauth/token"));

        var stored = (await _store.GetAsync("minimax-portal"))!;
        Assert.Equal(("at-cli-77aa88bb", "rt-cli-99cc00dd"), (stored.AccessToken, stored.RefreshToken));
        Assert.Equal(Start.AddSeconds(11 + 3600), stored.ExpiresAt);
        Assert.Equal("https://api.minimax.io/anthropic", stored.ResourceUrl);
        Assert.Equal(new Uri(server.BaseUrl), stored.AuthorizationServer);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_store.Directory));
        }
    }

    [Fact]
    public async Task The_china_region_signs_in_the_china_provider()
    {
        await using var server = await Server((200, """{"status":"success","access_token":"at-cn-1234","refresh_token":"rt-cn-5678","expired_in":3600}"""));

        var result = await Task.Run(() => Run(null, "login", "minimax", "--region", "cn", "--base-url", server.BaseUrl));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("at-cn-1234", (await _store.GetAsync("minimax-portal-cn"))!.AccessToken);
        Assert.Null(await _store.GetAsync("minimax-portal"));
    }

    [Theory]
    [InlineData(400, """{"error":"access_denied"}""", "modelcatalog: The MiniMax sign-in was denied.\n")]
    [InlineData(400, """{"error":"expired_token"}""", "modelcatalog: The MiniMax sign-in code expired before it was approved; run the login again.\n")]
    public async Task A_denied_or_expired_login_is_one_line_and_stores_nothing(int status, string answer, string error)
    {
        await using var server = await Server((status, answer));

        var result = await Task.Run(() => Run(null, "login", "minimax", "--base-url", server.BaseUrl));

        Assert.Equal((1, error), (result.ExitCode, result.Error));
        Assert.False(Directory.Exists(_store.Directory));
    }

    [Theory]
    [InlineData(new[] { "login", "minimax", "--base-url", "not a url" }, "modelcatalog: --base-url 'not a url' is not an absolute http(s) URL; write e.g. https://api.minimax.io\n")]
    [InlineData(new[] { "login", "openai" }, null)]
    [InlineData(new[] { "login", "minimax", "--region", "eu" }, null)]
    public void Bad_login_arguments_are_usage_errors(string[] args, string? error)
    {
        var result = Run(null, args);

        Assert.Equal(2, result.ExitCode);
        if (error is not null)
        {
            Assert.Equal(error, result.Error);
        }
    }

    [Fact]
    public async Task Logout_deletes_the_stored_sign_ins()
    {
        var token = new OAuthToken("at-out-1111", "rt-out-2222", Start.AddHours(1));
        await _store.SetAsync("minimax-portal", token);
        await _store.SetAsync("minimax-portal-cn", token);

        var cn = Run(null, "logout", "minimax", "--region", "cn");
        var both = Run(null, "logout", "minimax");
        var again = Run(null, "logout", "minimax");

        Assert.Equal("Signed out of minimax-portal-cn (deleted " + _store.GetPath("minimax-portal-cn") + ").\n", cn.Output);
        Assert.Equal("Signed out of minimax-portal (deleted " + _store.GetPath("minimax-portal") + ").\n", both.Output);
        Assert.Equal((0, "Not signed in to MiniMax; nothing to delete.\n"), (again.ExitCode, again.Output));
        Assert.Empty(Directory.GetFiles(_store.Directory));
    }

    [Fact]
    public async Task Remains_uses_the_sign_in_and_its_resource_url_when_signed_in()
    {
        await using var server = await Server();
        await _store.SetAsync("minimax-portal", new OAuthToken("at-remains-3333", "rt-remains-4444", DateTimeOffset.UtcNow.AddHours(1),
            server.BaseUrl + "/anthropic", new Uri(server.BaseUrl)));

        // MINIMAX_API_KEY is set too: the sign-in comes first in the key preference (reference §11.6).
        var result = await Task.Run(() => Run(new Dictionary<string, string> { ["MINIMAX_API_KEY"] = "mm-api-key" }, "remains", "--json"));

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"provider\": \"minimax-portal\"", result.Output);
        var request = server.Single("/v1/api/openplatform/coding_plan/remains");
        Assert.Equal("GET", request.Method);
        Assert.Equal("Bearer at-remains-3333", request.Header("authorization"));
    }

    [Fact]
    public async Task Remains_renews_the_sign_in_once_after_a_401()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path == "/oauth/token"
                ? context.Json("""{"status":"success","access_token":"at-remains-new-9999","expired_in":3600}""")
                : request.Header("authorization") == "Bearer at-remains-old-8888" ? context.Json("{}", 401) : context.Json(RemainsBody));
        await _store.SetAsync("minimax-portal", new OAuthToken("at-remains-old-8888", "rt-remains-8888", DateTimeOffset.UtcNow.AddHours(1),
            server.BaseUrl + "/anthropic", new Uri(server.BaseUrl)));

        var result = await Task.Run(() => Run(null, "remains"));

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal("grant_type=refresh_token&client_id=" + MiniMaxOAuth.DefaultClientId + "&refresh_token=rt-remains-8888", server.Single("/oauth/token").Body);
        Assert.Equal(new[] { "Bearer at-remains-old-8888", "Bearer at-remains-new-9999" },
            server.Requests.Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).Select(r => r.Header("authorization")));
        Assert.Equal("at-remains-new-9999", (await _store.GetAsync("minimax-portal"))!.AccessToken);
    }

    [Fact]
    public async Task Remains_uses_MINIMAX_OAUTH_TOKEN_then_the_coding_plan_keys_before_MINIMAX_API_KEY()
    {
        await using var server = await Server();
        File.WriteAllText(Path.Combine(_folder, "models.yaml"),
            "models:\n  providers:\n    minimax:\n      baseUrl: " + server.BaseUrl + "/anthropic\n    minimax-portal:\n      baseUrl: " + server.BaseUrl + "/anthropic\n");

        var oauth = await Task.Run(() => Run(new Dictionary<string, string> { ["MINIMAX_OAUTH_TOKEN"] = "env-oauth-5555", ["MINIMAX_API_KEY"] = "mm-api-key" }, "remains"));
        var codePlan = await Task.Run(() => Run(new Dictionary<string, string> { ["MINIMAX_CODING_API_KEY"] = "coding-6666", ["MINIMAX_API_KEY"] = "mm-api-key" }, "remains"));
        var apiKey = await Task.Run(() => Run(new Dictionary<string, string> { ["MINIMAX_API_KEY"] = "mm-api-key" }, "remains"));

        Assert.Equal((0, 0, 0), (oauth.ExitCode, codePlan.ExitCode, apiKey.ExitCode));
        Assert.Equal(new[] { "Bearer env-oauth-5555", "Bearer coding-6666", "Bearer mm-api-key" },
            server.Requests.Select(r => r.Header("authorization")));
    }

    [Fact]
    public void Remains_of_the_portal_without_a_sign_in_names_the_login()
    {
        var result = Run(null, "remains", "--provider", "minimax-portal");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run `modelcatalog login minimax`", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Status_shows_whether_an_oauth_provider_is_signed_in()
    {
        File.WriteAllText(Path.Combine(_folder, "models.yaml"), "agents:\n  defaults:\n    model: minimax-portal/MiniMax-M2.7\n");

        var before = Run(null, "status", "--check");
        await _store.SetAsync("minimax-portal", new OAuthToken("at-status-7777", null, null));
        var after = Run(null, "status", "--check");

        Assert.Equal(1, before.ExitCode);
        Assert.EndsWith("Auth:\n- minimax-portal: no (OAuth: not signed in; run modelcatalog login minimax)\n", before.Output);
        Assert.Equal(0, after.ExitCode);
        Assert.EndsWith("Auth:\n- minimax-portal: yes (OAuth sign-in " + _store.GetPath("minimax-portal") + ")\n", after.Output);
        Assert.DoesNotContain("at-status-7777", after.Output);
    }
}

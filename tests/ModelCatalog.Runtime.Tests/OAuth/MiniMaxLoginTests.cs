using System.Security.Cryptography;
using System.Text;
using System.Web;
using ModelCatalog.Runtime.Tests.Infrastructure;

namespace ModelCatalog.Runtime.Tests.OAuth;

/// <summary>
/// The user-code flow with PKCE S256 (reference openclaw-config.md §11.5) against a loopback OAuth server: the exact
/// requests, every poll answer (pending, slow_down, expired, denied, success) and the waits between polls, on a clock
/// that steps instead of sleeping.
/// </summary>
public sealed class MiniMaxLoginTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An OAuth server whose /oauth/token answers are scripted in order; it records the clock at each poll.</summary>
    private sealed class OAuthServer : IAsyncDisposable
    {
        private readonly Queue<(int Status, string Body)> _answers;
        private readonly List<DateTimeOffset> _pollTimes = new();

        private OAuthServer(FakeProviderServer server, Queue<(int, string)> answers)
        {
            Server = server;
            _answers = answers;
        }

        public FakeProviderServer Server { get; }

        public Uri Url => new(Server.BaseUrl);

        public IReadOnlyList<DateTimeOffset> PollTimes { get { lock (_pollTimes) { return _pollTimes.ToArray(); } } }

        public static async Task<OAuthServer> StartAsync(TimeProvider clock, Func<Dictionary<string, string>, string> codeAnswer, params (int, string)[] tokenAnswers)
        {
            OAuthServer? self = null;
            var server = await FakeProviderServer.StartAsync(async (context, request) =>
            {
                var form = Form(request.Body);
                if (request.Path == "/oauth/code")
                {
                    await context.Json(codeAnswer(form));
                    return;
                }

                lock (self!._pollTimes)
                {
                    self._pollTimes.Add(clock.GetUtcNow());
                }

                var (status, body) = self._answers.Count > 0 ? self._answers.Dequeue() : (400, """{"error":"authorization_pending"}""");
                await context.Json(body, status);
            });
            self = new OAuthServer(server, new Queue<(int, string)>(tokenAnswers));
            return self;
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    public static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => HttpUtility.UrlDecode(pair[0]), pair => HttpUtility.UrlDecode(pair[1]));

    /// <summary>MiniMax's /oauth/code answer: interval in milliseconds, expiry as absolute Unix milliseconds.</summary>
    public static string CodeAnswer(Dictionary<string, string> form, DateTimeOffset expires, int intervalMs = 1000) =>
        "{\"user_code\":\"M9ZmbtkFDY\",\"verification_uri\":\"https://platform.minimax.io/oauth-authorize?user_code=M9ZmbtkFDY\",\"expired_in\":" +
        expires.ToUnixTimeMilliseconds() + ",\"interval\":" + intervalMs + ",\"state\":\"" + form["state"] + "\",\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}";

    private const string Success =
        """{"status":"success","access_token":"at-9f8e7d6c5b4a","refresh_token":"rt-1a2b3c4d5e6f","expired_in":3600,"resource_url":"https://api.minimax.io/anthropic"}""";

    [Fact]
    public async Task The_code_request_carries_PKCE_S256_and_the_polls_wait_the_interval_growing_on_slow_down()
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, form => CodeAnswer(form, Start.AddMinutes(10)),
            (400, """{"error":"authorization_pending"}"""),
            (200, """{"status":"pending","message":"current user code is not authorized"}"""),
            (400, """{"error":"slow_down"}"""),
            (400, """{"error":"authorization_pending"}"""),
            (200, Success));
        using var http = new HttpClient();

        var authorization = await MiniMaxOAuth.StartLoginAsync(http, oauth.Url, timeProvider: clock);
        var token = await MiniMaxOAuth.CompleteLoginAsync(http, authorization, clock);

        var code = oauth.Server.Single("/oauth/code");
        Assert.Equal("POST", code.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", code.Header("content-type"));
        var codeForm = Form(code.Body);
        Assert.Equal(new[] { "response_type", "client_id", "scope", "code_challenge", "code_challenge_method", "state" }, codeForm.Keys);
        Assert.Equal("code", codeForm["response_type"]);
        Assert.Equal(MiniMaxOAuth.DefaultClientId, codeForm["client_id"]);
        Assert.Equal("group_id profile model.completion", codeForm["scope"]);
        Assert.Contains("scope=group_id+profile+model.completion", code.Body);
        Assert.Equal("S256", codeForm["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", codeForm["state"]);

        var polls = oauth.Server.Requests.Where(r => r.Path == "/oauth/token").ToList();
        Assert.Equal(5, polls.Count);
        var pollForm = Form(polls[0].Body);
        Assert.Equal(new[] { "grant_type", "client_id", "user_code", "code_verifier" }, pollForm.Keys);
        Assert.Equal("urn:ietf:params:oauth:grant-type:user_code", pollForm["grant_type"]);
        Assert.Equal("M9ZmbtkFDY", pollForm["user_code"]);
        var verifier = pollForm["code_verifier"];
        Assert.Matches("^[A-Za-z0-9_-]{43}$", verifier);
        var expectedChallenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expectedChallenge, codeForm["code_challenge"]);
        Assert.All(polls, p => Assert.Equal(polls[0].Body, p.Body));

        // MiniMax says 1000 ms; the floor is 2 s. slow_down adds 5 s (RFC 8628 §3.5) and it stays added.
        Assert.Equal(new[] { 2.0, 2, 2, 7, 7 }, clock.Waits.Select(w => w.TotalSeconds));
        var times = oauth.PollTimes;
        Assert.Equal(new[] { 2.0, 4, 6, 13, 20 }, times.Select(t => (t - Start).TotalSeconds));

        Assert.Equal("https://platform.minimax.io/oauth-authorize?user_code=M9ZmbtkFDY", authorization.VerificationUri);
        Assert.Equal("M9ZmbtkFDY", authorization.UserCode);
        Assert.Equal("at-9f8e7d6c5b4a", token.AccessToken);
        Assert.Equal("rt-1a2b3c4d5e6f", token.RefreshToken);
        Assert.Equal(Start.AddSeconds(20 + 3600), token.ExpiresAt);
        Assert.Equal("https://api.minimax.io/anthropic", token.ResourceUrl);
        Assert.Equal(oauth.Url, token.AuthorizationServer);
        Assert.Equal(MiniMaxOAuth.DefaultClientId, token.ClientId);
        Assert.DoesNotContain(verifier, authorization.ToString());
        Assert.DoesNotContain("at-9f8e7d6c5b4a", token.ToString());
        Assert.DoesNotContain("rt-1a2b3c4d5e6f", token.ToString());
    }

    [Fact]
    public async Task An_RFC_token_answer_with_expires_in_seconds_and_a_bare_host_resource_url_is_read()
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, form => CodeAnswer(form, Start.AddMinutes(5), intervalMs: 3),
            (200, """{"access_token":"at-rfc-123456","refresh_token":"rt-rfc-123456","token_type":"Bearer","expires_in":7200,"resource_url":"api.minimaxi.com/anthropic"}"""));
        using var http = new HttpClient();

        var token = await MiniMaxOAuth.CompleteLoginAsync(http, await MiniMaxOAuth.StartLoginAsync(http, oauth.Url, "my-client", clock), clock);

        Assert.Equal(new[] { 3.0 }, clock.Waits.Select(w => w.TotalSeconds)); // RFC 8628 seconds
        Assert.Equal("my-client", Form(oauth.Server.Single("/oauth/code").Body)["client_id"]);
        Assert.Equal("my-client", token.ClientId);
        Assert.Equal(Start.AddSeconds(3 + 7200), token.ExpiresAt);
        Assert.Equal("https://api.minimaxi.com/anthropic", token.ResourceUrl);
    }

    [Theory]
    [InlineData(400, """{"error":"access_denied","error_description":"The user denied the request"}""", "access_denied", "denied")]
    [InlineData(400, """{"error":"expired_token"}""", "expired_token", "expired")]
    [InlineData(200, """{"status":"error","message":"An error occurred. Please try again later"}""", null, "An error occurred")]
    public async Task A_denied_expired_or_failed_sign_in_stops_polling_with_a_clear_error(int status, string answer, string? error, string says)
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, form => CodeAnswer(form, Start.AddMinutes(10)),
            (400, """{"error":"authorization_pending"}"""), (status, answer));
        using var http = new HttpClient();
        var authorization = await MiniMaxOAuth.StartLoginAsync(http, oauth.Url, timeProvider: clock);

        var failure = await Assert.ThrowsAsync<MiniMaxOAuthException>(() => MiniMaxOAuth.CompleteLoginAsync(http, authorization, clock));

        Assert.Equal(error, failure.Error);
        Assert.Contains(says, failure.Message);
        Assert.Equal(2, oauth.PollTimes.Count);
        Assert.DoesNotContain(authorization.CodeVerifier, failure.ToString());
    }

    [Fact]
    public async Task Polling_stops_when_the_code_expires()
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, form => CodeAnswer(form, Start.AddSeconds(9)));
        using var http = new HttpClient();
        var authorization = await MiniMaxOAuth.StartLoginAsync(http, oauth.Url, timeProvider: clock);

        var failure = await Assert.ThrowsAsync<MiniMaxOAuthException>(() => MiniMaxOAuth.CompleteLoginAsync(http, authorization, clock));

        Assert.Equal("expired_token", failure.Error);
        Assert.Equal(new[] { 2.0, 4, 6, 8 }, oauth.PollTimes.Select(t => (t - Start).TotalSeconds)); // none at or after 9 s
    }

    [Fact]
    public async Task A_code_answer_with_another_state_is_refused()
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, form => CodeAnswer(new Dictionary<string, string> { ["state"] = "forged" }, Start.AddMinutes(10)));
        using var http = new HttpClient();

        var failure = await Assert.ThrowsAsync<MiniMaxOAuthException>(() => MiniMaxOAuth.StartLoginAsync(http, oauth.Url, timeProvider: clock));

        Assert.Equal("state_mismatch", failure.Error);
        Assert.Equal(0, oauth.Server.CountFor("/oauth/token"));
    }

    [Fact]
    public async Task A_minimax_error_status_on_the_code_request_is_reported()
    {
        var clock = new SteppingTimeProvider(Start);
        await using var oauth = await OAuthServer.StartAsync(clock, _ => """{"base_resp":{"status_code":1004,"status_msg":"client not allowed"}}""");
        using var http = new HttpClient();

        var failure = await Assert.ThrowsAsync<MiniMaxOAuthException>(() => MiniMaxOAuth.StartLoginAsync(http, oauth.Url, timeProvider: clock));

        Assert.Equal("minimax_1004", failure.Error);
        Assert.Contains("client not allowed", failure.Message);
    }
}

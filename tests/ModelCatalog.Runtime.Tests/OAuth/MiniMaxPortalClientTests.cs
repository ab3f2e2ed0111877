using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.OAuth;

/// <summary>
/// <see cref="CatalogChatClient"/> on a signed-in provider (apiKey <c>minimax-oauth</c>) against one loopback server that
/// is both the OAuth server and the provider: the token sent, its resource URL, renewal before expiry and after a
/// 401, a revoked sign-in, and the marker never sent.
/// </summary>
public sealed class MiniMaxPortalClientTests : IDisposable
{
    private const string Access = "at-current-0a1b2c3d";
    private const string Refresh = "rt-current-4e5f6a7b";
    private const string NewAccess = "at-renewed-8c9d0e1f";
    private const string NewRefresh = "rt-renewed-2a3b4c5d";
    private const string ChatAnswer = """{"id":"msg_1","model":"MiniMax-M2.7","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":7,"output_tokens":2}}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-oauth-" + Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FileOAuthTokenStore Store() => new(_folder);

    /// <summary>The built-in shape of minimax-portal: its default baseUrl, so the token's resource_url decides where calls go.</summary>
    private static Catalog BuiltInPortal(string baseUrl = "https://api.minimax.io/anthropic") => Catalog.CreateBuilder()
        .AddProvider("minimax-portal", baseUrl, ModelApi.AnthropicMessages, "minimax-oauth", authHeader: true)
        .AddModel("minimax-portal", "MiniMax-M2.7")
        .SetPrimary("minimax-portal/MiniMax-M2.7")
        .Build();

    private CatalogChatClientOptions Options(IOAuthTokenStore? store, ISecretResolver? secrets = null)
    {
        var options = TestSupport.Options(clock: _clock, secrets: secrets ?? Secrets());
        options.OAuthTokenStore = store;
        options.Cooldown = TimeSpan.Zero;
        return options;
    }

    private OAuthToken Token(FakeProviderServer server, TimeSpan expiresIn, string? resourceUrl = null) =>
        new(Access, Refresh, _clock.Now + expiresIn, resourceUrl ?? server.BaseUrl + "/anthropic", new Uri(server.BaseUrl), MiniMaxOAuth.DefaultClientId);

    private static Task<FakeProviderServer> Server(Func<HttpContext, RecordedRequest, Task> chat, Func<HttpContext, RecordedRequest, Task>? token = null) =>
        FakeProviderServer.StartAsync((context, request) => request.Path == "/oauth/token"
            ? (token ?? ((c, _) => c.Json("""{"status":"success","access_token":"at-renewed-8c9d0e1f","refresh_token":"rt-renewed-2a3b4c5d","expired_in":3600}""")))(context, request)
            : chat(context, request));

    [Fact]
    public async Task The_stored_access_token_is_sent_as_bearer_to_the_tokens_resource_url()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var response = await client.GetResponseAsync("hi");

        var request = server.Single("/anthropic");
        Assert.Equal("/anthropic/v1/messages", request.Path);
        Assert.Equal("Bearer " + Access, request.Header("authorization"));
        Assert.Null(request.Header("x-api-key"));
        Assert.Equal("ok", response.Text);
        Assert.Equal(0, server.CountFor("/oauth"));
    }

    [Fact]
    public async Task A_base_url_the_user_wrote_is_not_replaced_by_the_resource_url()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1), resourceUrl: "https://elsewhere.invalid/anthropic"));
        using var client = new CatalogChatClient(BuiltInPortal(server.BaseUrl + "/custom"), new HttpClient(), Options(store));

        await client.GetResponseAsync("hi");

        Assert.Equal("/custom/v1/messages", server.Single("/custom").Path);
    }

    [Fact]
    public async Task A_provider_of_another_name_with_the_marker_uses_the_sign_in_of_its_region()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("portal", "https://api.minimax.io/anthropic", ModelApi.AnthropicMessages, "minimax-oauth", authHeader: true)
            .AddModel("portal", "MiniMax-M2.7").Build();
        using var client = new CatalogChatClient(catalog, new HttpClient(), Options(store));

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "portal/MiniMax-M2.7" });

        Assert.Equal("Bearer " + Access, server.Single("/anthropic").Header("authorization"));
        Assert.Equal("minimax-portal-cn", MiniMaxOAuth.SignInId(Catalog.CreateBuilder()
            .AddProvider("mine", "https://api.minimaxi.com/anthropic", ModelApi.AnthropicMessages, "minimax-oauth").Build().GetProvider("mine")));
    }

    [Fact]
    public async Task A_damaged_sign_in_file_is_a_configuration_failure_naming_the_file()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "minimax-portal.json"), "not json at-leaked-00");
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(Store()));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(failure.Attempts);
        Assert.Equal(FailureReason.Configuration, attempt.Reason);
        Assert.Contains("minimax-portal.json", attempt.Message);
        Assert.DoesNotContain("at-leaked", failure.ToString());
    }

    [Fact]
    public async Task Without_a_sign_in_the_call_fails_as_configuration_and_the_marker_is_never_sent()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        using var client = new CatalogChatClient(BuiltInPortal(server.BaseUrl + "/anthropic"), new HttpClient(), Options(Store()));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(failure.Attempts);
        Assert.Equal(FailureReason.Configuration, attempt.Reason);
        Assert.Contains("run `modelcatalog login minimax`", attempt.Message);
        Assert.Contains("MINIMAX_OAUTH_TOKEN", attempt.Message);
        Assert.Empty(server.Requests); // nothing sent, so never "Authorization: Bearer minimax-oauth" (OpenClaw #79731)
    }

    [Fact]
    public async Task The_china_provider_names_the_china_login()
    {
        var catalog = Catalog.CreateBuilder()
            .AddProvider("minimax-portal-cn", "https://api.minimaxi.com/anthropic", ModelApi.AnthropicMessages, "minimax-oauth", authHeader: true)
            .AddModel("minimax-portal-cn", "MiniMax-M2.7").Build();
        using var client = new CatalogChatClient(catalog, new HttpClient(), Options(null));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() =>
            client.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax-portal-cn/MiniMax-M2.7" }));

        Assert.Contains("run `modelcatalog login minimax --region cn`", Assert.Single(failure.Attempts).Message);
    }

    [Fact]
    public async Task MINIMAX_OAUTH_TOKEN_is_used_when_there_is_no_stored_sign_in()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        using var client = new CatalogChatClient(BuiltInPortal(server.BaseUrl + "/anthropic"), new HttpClient(),
            Options(Store(), Secrets(("MINIMAX_OAUTH_TOKEN", "env-token-11223344"))));

        await client.GetResponseAsync("hi");

        Assert.Equal("Bearer env-token-11223344", server.Single("/anthropic").Header("authorization"));
    }

    [Fact]
    public async Task A_token_within_a_minute_of_expiry_is_renewed_first_with_the_exact_refresh_request_and_stored()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromSeconds(59)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        await client.GetResponseAsync("hi");

        var refresh = server.Single("/oauth/token");
        Assert.Equal("POST", refresh.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", refresh.Header("content-type"));
        Assert.Equal("grant_type=refresh_token&client_id=" + MiniMaxOAuth.DefaultClientId + "&refresh_token=" + Refresh, refresh.Body);
        Assert.Equal("Bearer " + NewAccess, server.Single("/anthropic").Header("authorization"));
        var stored = await store.GetAsync("minimax-portal");
        Assert.Equal(NewAccess, stored!.AccessToken);
        Assert.Equal(NewRefresh, stored.RefreshToken);
        Assert.Equal(_clock.Now.AddSeconds(3600), stored.ExpiresAt);
        Assert.Equal(server.BaseUrl + "/anthropic", stored.ResourceUrl); // kept: the renewal sent none
    }

    [Fact]
    public async Task A_token_with_more_than_a_minute_left_is_not_renewed()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromSeconds(61)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        await client.GetResponseAsync("hi");
        Assert.Equal(0, server.CountFor("/oauth/token"));

        _clock.Advance(TimeSpan.FromSeconds(2)); // now inside the margin: the next call renews
        await client.GetResponseAsync("hi");
        Assert.Equal(1, server.CountFor("/oauth/token"));
    }

    [Fact]
    public async Task A_401_renews_once_and_the_request_is_sent_again()
    {
        await using var server = await Server((context, request) =>
            request.Header("authorization") == "Bearer " + Access ? context.Json("""{"type":"error","error":{"type":"authentication_error","message":"token expired"}}""", 401) : context.Json(ChatAnswer));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
        var chats = server.Requests.Where(r => r.Path.StartsWith("/anthropic", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Bearer " + Access, "Bearer " + NewAccess }, chats.Select(c => c.Header("authorization")));
        Assert.Equal(chats[0].Body, chats[1].Body);
        Assert.Equal(1, server.CountFor("/oauth/token"));
        Assert.Equal(NewAccess, (await store.GetAsync("minimax-portal"))!.AccessToken);
    }

    [Fact]
    public async Task A_401_when_streaming_renews_once_and_the_stream_is_requested_again()
    {
        await using var server = await Server((context, request) =>
            request.Header("authorization") == "Bearer " + Access
                ? context.Json("""{"type":"error","error":{"type":"authentication_error","message":"token expired"}}""", 401)
                : context.Sse(
                    ("message_start", """{"type":"message_start","message":{"id":"msg_1","model":"MiniMax-M2.7","usage":{"input_tokens":7,"output_tokens":0}}}"""),
                    ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
                    ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}"""),
                    ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
                    ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}"""),
                    ("message_stop", """{"type":"message_stop"}""")));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var updates = await CollectAsync(client.GetStreamingResponseAsync("hi"));

        Assert.Equal("ok", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(new[] { "Bearer " + Access, "Bearer " + NewAccess },
            server.Requests.Where(r => r.Path.StartsWith("/anthropic", StringComparison.Ordinal)).Select(c => c.Header("authorization")));
    }

    [Fact]
    public async Task A_second_401_after_renewal_is_an_authentication_failure()
    {
        await using var server = await Server((context, _) => context.Json("""{"type":"error","error":{"type":"authentication_error","message":"no"}}""", 401));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(failure.Attempts);
        Assert.Equal(FailureReason.Authentication, attempt.Reason);
        Assert.Equal(401, attempt.StatusCode);
        Assert.Equal(2, server.CountFor("/anthropic"));
        Assert.Equal(1, server.CountFor("/oauth/token"));
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant","error_description":"refresh token rt-current-4e5f6a7b was revoked"}""")]
    [InlineData(200, """{"status":"error","message":"refresh token invalid"}""")]
    public async Task A_revoked_refresh_token_is_a_clear_authentication_failure_and_the_dead_sign_in_is_removed(int status, string answer)
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer), (context, _) => context.Json(answer, status));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromSeconds(10)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        var attempt = Assert.Single(failure.Attempts);
        Assert.Equal(FailureReason.Authentication, attempt.Reason);
        Assert.Contains("could not be renewed", attempt.Message);
        Assert.Contains("run `modelcatalog login minimax` again", attempt.Message);
        foreach (var text in new[] { failure.ToString(), attempt.ToString() })
        {
            Assert.DoesNotContain(Refresh, text);
            Assert.DoesNotContain(Access, text);
        }

        Assert.Equal(0, server.CountFor("/anthropic"));
        Assert.Null(await store.GetAsync("minimax-portal"));

        // The next call says "not signed in" at once instead of renewing a dead token again.
        var next = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));
        Assert.Equal(FailureReason.Configuration, Assert.Single(next.Attempts).Reason);
        Assert.Equal(1, server.CountFor("/oauth/token"));
    }

    [Fact]
    public async Task A_renewal_server_error_keeps_the_sign_in()
    {
        await using var server = await Server((context, _) => context.Json(ChatAnswer), (context, _) => context.Json("""{"error":"server_error"}""", 503));
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromSeconds(10)));
        var options = Options(store);
        options.MaxRetries = 0;
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), options);

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(FailureReason.ServerError, Assert.Single(failure.Attempts).Reason);
        Assert.Equal(Access, (await store.GetAsync("minimax-portal"))!.AccessToken);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_renewal()
    {
        var refreshes = 0;
        await using var server = await Server((context, _) => context.Json(ChatAnswer), async (context, _) =>
        {
            Interlocked.Increment(ref refreshes);
            await Task.Delay(50);
            await context.Json("""{"status":"success","access_token":"at-renewed-8c9d0e1f","refresh_token":"rt-renewed-2a3b4c5d","expired_in":3600}""");
        });
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromSeconds(5)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetResponseAsync("hi"))));

        Assert.Equal(1, refreshes);
        Assert.All(server.Requests.Where(r => r.Path.StartsWith("/anthropic", StringComparison.Ordinal)),
            r => Assert.Equal("Bearer " + NewAccess, r.Header("authorization")));
    }

    [Fact]
    public async Task Concurrent_401s_share_one_renewal()
    {
        var refreshes = 0;
        await using var server = await Server(
            (context, request) => request.Header("authorization") == "Bearer " + Access ? context.Json("{}", 401) : context.Json(ChatAnswer),
            async (context, _) =>
            {
                Interlocked.Increment(ref refreshes);
                await context.Json("""{"status":"success","access_token":"at-renewed-8c9d0e1f","expired_in":3600}""");
            });
        var store = Store();
        await store.SetAsync("minimax-portal", Token(server, TimeSpan.FromHours(1)));
        using var client = new CatalogChatClient(BuiltInPortal(), new HttpClient(), Options(store));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => client.GetResponseAsync("hi"))));

        Assert.All(responses, r => Assert.Equal("ok", r.Text));
        Assert.Equal(1, refreshes);
        Assert.Equal(Refresh, (await store.GetAsync("minimax-portal"))!.RefreshToken); // no new refresh token sent: the old one is kept
    }
}

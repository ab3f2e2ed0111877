using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Client;

public sealed class ClientBehaviourTests
{
    private const string Ok = """{"id":"msg","model":"provider-name","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":21,"cache_read_input_tokens":188086,"cache_creation_input_tokens":0,"output_tokens":393}}""";

    private static CatalogBuilder Builder(string baseUrl) => Catalog.CreateBuilder()
        .AddProvider("minimax", baseUrl + "/mm", ModelApi.AnthropicMessages, "${MINIMAX_API_KEY}", authHeader: true)
        .AddModel("minimax", "MiniMax-M2.1", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), contextWindow: 204_800, maxTokens: 131_072)
        .AddModel("minimax", "MiniMax-M2.1-lightning", cost: new ModelCost(0.3m, 2.4m, 0.03m, 0.375m))
        .AddAlias("minimax", "minimax/MiniMax-M2.1");

    [Fact]
    public async Task Null_model_id_uses_the_primary_and_an_alias_resolves_to_its_canonical_ref()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        using var client = new CatalogChatClient(Builder(server.BaseUrl).SetPrimary("minimax/MiniMax-M2.1-lightning").Build(), options: Options());

        Assert.Equal("minimax/MiniMax-M2.1-lightning", (await client.GetResponseAsync("hi")).ModelId);
        Assert.Equal("minimax/MiniMax-M2.1", (await client.GetResponseAsync("hi", new ChatOptions { ModelId = "MINIMAX" })).ModelId);
        Assert.Equal("minimax/MiniMax-M2.1", (await client.GetResponseAsync("hi", new ChatOptions { ModelId = "MiniMax/MiniMax-M2.1" })).ModelId);
        Assert.Equal(8192, server.Requests[0].Json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(131_072, server.Requests[1].Json.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task Without_a_primary_a_null_model_id_names_agents_defaults_model_primary()
    {
        using var client = new CatalogChatClient(Builder("http://127.0.0.1:9").Build(), options: Options());

        var error = await Assert.ThrowsAsync<UnknownModelException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(UnknownModelReason.NoPrimary, error.Reason);
        Assert.Contains("agents.defaults.model.primary", error.Message);
    }

    [Theory]
    [InlineData("minimax/minimax-m2.1", UnknownModelReason.CaseMismatch, "minimax/MiniMax-M2.1")]
    [InlineData("minimx/MiniMax-M2.1", UnknownModelReason.UnknownProvider, "minimax/MiniMax-M2.1")]
    [InlineData("minimx", UnknownModelReason.UnknownAlias, "minimax")]
    public async Task Unknown_refs_throw_UnknownModelException_from_Explain(string value, UnknownModelReason reason, string suggestion)
    {
        var catalog = Builder("http://127.0.0.1:9").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        var error = await Assert.ThrowsAsync<UnknownModelException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = value }));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(suggestion, error.Suggestion);
        Assert.Equal(catalog.Explain(value).Message, error.Message);
        Assert.StartsWith("Unknown model: " + value, error.Message);
    }

    [Fact]
    public async Task An_unlisted_id_of_a_configured_provider_is_a_synthetic_model_with_unknown_price()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        using var client = new CatalogChatClient(Builder(server.BaseUrl).Build(), options: Options());

        var response = await client.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax/MiniMax-M3" });

        Assert.Equal("minimax/MiniMax-M3", response.ModelId);
        var body = server.Single("/mm").Json;
        Assert.Equal("MiniMax-M3", body.GetProperty("model").GetString());
        Assert.Equal(8192, body.GetProperty("max_tokens").GetInt32());
        Assert.Null(response.GetCost());
        Assert.NotNull(response.Usage);
        var totals = client.Ledger.GetTotals("minimax/MiniMax-M3");
        Assert.Equal(1, totals.UnpricedCalls);
        Assert.Null(totals.Cost);
        Assert.Equal(0m, totals.PricedCost);
        Assert.Null(client.Ledger.TotalCost);
    }

    [Fact]
    public async Task The_allowlist_is_enforced_only_when_asked_and_fallbacks_are_exempt()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Body.Contains("lightning") ? context.Json(Ok) : context.Json("{}", 503));
        var catalog = Builder(server.BaseUrl).Allow("minimax/MiniMax-M2.1").SetPrimary("minimax").AddFallback("minimax/MiniMax-M2.1-lightning").Build();
        var lenient = Options();
        using var permissive = new CatalogChatClient(catalog, options: lenient);
        var strictOptions = Options();
        strictOptions.EnforceAllowlist = true;
        strictOptions.MaxRetries = 0;
        using var strict = new CatalogChatClient(catalog, options: strictOptions);

        Assert.Equal("minimax/MiniMax-M2.1-lightning",
            (await permissive.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax/MiniMax-M2.1-lightning" })).ModelId);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            strict.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax/MiniMax-M2.1-lightning" }));
        Assert.Contains("agents.defaults.models", error.Message);
        Assert.Equal("minimax/MiniMax-M2.1-lightning", (await strict.GetResponseAsync("hi")).ModelId); // allowed primary fails over to a fallback
    }

    [Fact]
    public void GetService_returns_metadata_catalog_ledger_and_the_client()
    {
        var catalog = Builder("http://127.0.0.1:9").SetPrimary("minimax").Build();
        using var client = new CatalogChatClient(catalog);

        var metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));
        Assert.Equal("minimax/MiniMax-M2.1", metadata.DefaultModelId);
        Assert.Same(catalog, client.GetService<Catalog>());
        Assert.Same(client.Ledger, client.GetService<CostLedger>());
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.Null(client.GetService<Catalog>("key"));
        Assert.Null(client.GetService<string>());
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_through_one_client_give_exact_ledger_totals()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var http = new HttpClient(handler);
        using var client = new CatalogChatClient(Builder(server.BaseUrl).SetPrimary("minimax").Build(), http, Options());

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.GetResponseAsync("call " + i)));

        Assert.All(responses, r => Assert.Equal(0.00612048m, r.GetCost()));
        var totals = client.Ledger.GetTotals("minimax/MiniMax-M2.1");
        Assert.Equal(1000, totals.Calls);
        Assert.Equal(0, totals.UnpricedCalls);
        Assert.Equal(188_107_000, totals.InputTokens);
        Assert.Equal(188_086_000, totals.CachedInputTokens);
        Assert.Equal(393_000, totals.OutputTokens);
        Assert.Equal(6.12048m, totals.Cost);
        Assert.Equal(6.12048m, client.Ledger.TotalCost);
        Assert.Equal(1000, server.Requests.Count);
    }

    [Fact]
    public async Task Keys_and_header_values_never_appear_in_exceptions_or_ToString()
    {
        const string HeaderSecret = "hdr-secret-5e6f7a8b";
        await using var server = await FakeProviderServer.StartAsync((context, request) => context.Json(
            """{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key """ + request.Header("x-api-key") +
            " with token " + request.Header("x-token") + "\"}}", 401));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("anthropic", server.BaseUrl, ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}",
                headers: new Dictionary<string, string> { ["X-Token"] = "${TOKEN}" })
            .AddModel("anthropic", "claude-sonnet-4-5")
            .AddProvider("other", server.BaseUrl + "/o", ModelApi.OpenAIResponses, "${MISSING_KEY}")
            .AddModel("other", "x")
            .SetPrimary("anthropic/claude-sonnet-4-5").AddFallback("other/x").Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("ANTHROPIC_API_KEY", AnthropicKey), ("TOKEN", HeaderSecret))));

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));
        var streamingError = await Assert.ThrowsAsync<ModelFailoverException>(() => CollectAsync(client.GetStreamingResponseAsync("hi")));

        Assert.Equal(AnthropicKey, server.Requests[0].Header("x-api-key")); // it was really sent
        foreach (var text in new[] { error.ToString(), streamingError.ToString(), string.Join("\n", error.Attempts.Select(a => a.ToString())),
                     client.ToString(), catalog.Providers[0].ToString(), client.Ledger.ToString() })
        {
            Assert.DoesNotContain(AnthropicKey, text);
            Assert.DoesNotContain(HeaderSecret, text);
        }

        Assert.Contains("invalid x-api-key *** with token ***", error.Message);
        Assert.Contains("Variable MISSING_KEY is not set", error.Attempts[^1].Message);
    }

    [Fact]
    public async Task Trailing_slash_is_trimmed_and_models_dev_style_v1_base_urls_are_not_doubled()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("a", server.BaseUrl + "/anthropic/v1/", ModelApi.AnthropicMessages, "k-literal").AddModel("a", "m")
            .SetPrimary("a/m").Build();
        using var client = new CatalogChatClient(catalog, options: Options());

        await client.GetResponseAsync("hi");

        Assert.Equal("/anthropic/v1/messages", server.Single("/").Path);
    }
}

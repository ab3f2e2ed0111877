using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Client;

/// <summary>
/// README.md, "Environment aliases" and "Implicit keys": an <c>env:</c> value that is a <c>${OTHER}</c> reference is an alias every <c>${NAME}</c> resolution honours
/// (apiKey, baseUrl, headers), and a remote provider without apiKey reads <c>${&lt;ID&gt;_API_KEY}</c>; built in code here
/// (the generated path is covered by the generator's CatalogCaseTests).
/// </summary>
public sealed class EnvironmentAliasAndImplicitKeyTests
{
    private const string Completion =
        """{"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}""";

    private static Catalog Aliased() => Catalog.CreateBuilder()
        .AddProvider("acme", "${ACME_BASE}", ModelApi.OpenAICompletions, "${ACME_API_KEY}", headers: new Dictionary<string, string> { ["X-Team"] = "${TEAM}" })
        .AddModel("acme", "m")
        .AddEnvironmentAlias("ACME_API_KEY", "${ACME_KEY_CO}")
        .AddEnvironmentAlias("ACME_BASE", "${FAKE_BASE}")
        .AddEnvironmentAlias("TEAM", "team-${TEAM_ID}")
        .Build();

    [Fact]
    public async Task An_unset_variable_resolves_through_its_alias_in_the_key_the_base_url_and_headers()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Completion));
        var catalog = Aliased();
        Assert.Equal("${ACME_KEY_CO}", catalog.EnvironmentAliases["ACME_API_KEY"]);
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("ACME_KEY_CO", "sk-co-1"), ("FAKE_BASE", server.BaseUrl), ("TEAM_ID", "7"))));

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "acme/m" });

        var request = server.Single("/chat/completions");
        Assert.Equal("Bearer sk-co-1", request.Header("authorization"));
        Assert.Equal("team-7", request.Header("x-team"));
    }

    [Fact]
    public async Task A_set_variable_wins_over_its_alias()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Completion));
        using var client = new CatalogChatClient(Aliased(), options: Options(secrets: Secrets(
            ("ACME_API_KEY", "sk-direct"), ("ACME_KEY_CO", "sk-co-1"), ("ACME_BASE", server.BaseUrl), ("TEAM", "core"))));

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "acme/m" });

        Assert.Equal("Bearer sk-direct", server.Single("/chat/completions").Header("authorization"));
        Assert.Equal("core", server.Single("/chat/completions").Header("x-team"));
    }

    [Fact]
    public async Task A_missing_variable_names_the_alias_chain_and_cycles_end()
    {
        var catalog = Catalog.CreateBuilder()
            .AddProvider("acme", "http://127.0.0.1:9/v1", ModelApi.OpenAICompletions, "${A_KEY}")
            .AddModel("acme", "m")
            .AddEnvironmentAlias("A_KEY", "${B_KEY}")
            .AddEnvironmentAlias("B_KEY", "${A_KEY}")
            .Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets()));

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "acme/m" }));

        Assert.Contains("Variable A_KEY is not set, nor its env: alias B_KEY (the API key of provider 'acme' is ${A_KEY}); set one of them, e.g. as an environment variable.", error.Message);
    }

    [Fact]
    public async Task A_base_url_variable_that_is_no_absolute_url_is_a_configuration_failure_that_does_not_echo_the_value()
    {
        var catalog = Catalog.CreateBuilder()
            .AddProvider("acme", "${ACME_BASE}", ModelApi.OpenAICompletions, "${ACME_API_KEY}")
            .AddModel("acme", "m")
            .Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("ACME_API_KEY", "sk-1"), ("ACME_BASE", "api.example.com/v1"))));

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "acme/m" }));

        var attempt = Assert.Single(error.Attempts);
        Assert.Equal(FailureReason.Configuration, attempt.Reason);
        Assert.Contains("the base URL of provider 'acme' (${ACME_BASE}) does not resolve to an absolute URL", error.Message);
        Assert.DoesNotContain("api.example.com", error.Message);
    }

    [Fact]
    public void HasApiKey_follows_the_alias_of_an_unset_key_variable()
    {
        var acme = Aliased().GetProvider("acme");
        var local = Catalog.CreateBuilder().AddProvider("lab", "http://127.0.0.1:1234/v1", ModelApi.OpenAICompletions, apiKey: null).Build().GetProvider("lab");

        Assert.True(acme.HasApiKey(Secrets(("ACME_KEY_CO", "sk-co-1"))));
        Assert.True(acme.HasApiKey(Secrets(("ACME_API_KEY", "sk-direct"))));
        Assert.False(acme.HasApiKey(Secrets(("ACME_API_KEY", ""), ("TEAM_ID", "7"))));
        Assert.False(local.HasApiKey(Secrets()));
    }

    [Fact]
    public void The_builder_keeps_references_only_and_never_echoes_a_literal()
    {
        var builder = Catalog.CreateBuilder();

        var literal = Assert.Throws<ArgumentException>(() => builder.AddEnvironmentAlias("ACME_API_KEY", "sk-literal-123"));
        Assert.DoesNotContain("sk-literal-123", literal.Message);
        Assert.Throws<ArgumentException>(() => builder.AddEnvironmentAlias("acme_key", "${OTHER}"));
        builder.AddEnvironmentAlias("ACME_API_KEY", "${OTHER}");
        Assert.Throws<ArgumentException>(() => builder.AddEnvironmentAlias("ACME_API_KEY", "${THIRD}"));
    }

    [Fact]
    public async Task A_remote_provider_without_apiKey_sends_its_id_api_key_and_never_an_unauthenticated_request()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Completion));
        var catalog = Catalog.CreateBuilder()
            .AddProvider("minimax-cn", "${MM_BASE}", ModelApi.OpenAICompletions)
            .AddModel("minimax-cn", "m")
            .AddProvider("local", server.BaseUrl, ModelApi.OpenAICompletions)
            .AddModel("local", "m")
            .Build();
        Assert.Equal("${MINIMAX_CN_API_KEY}", catalog.GetProvider("minimax-cn").ApiKey);
        Assert.True(catalog.GetProvider("minimax-cn").IsApiKeyImplicit);
        Assert.Null(catalog.GetProvider("local").ApiKey);

        using var withKey = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("MM_BASE", server.BaseUrl), ("MINIMAX_CN_API_KEY", "mm-cn-key"))));
        using var withoutKey = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("MM_BASE", server.BaseUrl))));
        await withKey.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax-cn/m" });
        await withKey.GetResponseAsync("hi", new ChatOptions { ModelId = "local/m" });
        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => withoutKey.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax-cn/m" }));

        Assert.Equal(new string?[] { "Bearer mm-cn-key", null }, server.Requests.Select(r => r.Header("authorization")));
        Assert.Contains("Variable MINIMAX_CN_API_KEY is not set (the API key of provider 'minimax-cn' is ${MINIMAX_CN_API_KEY})", error.Message);
    }
}

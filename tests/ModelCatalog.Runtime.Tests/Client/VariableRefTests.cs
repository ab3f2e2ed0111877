using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Client;

/// <summary>README.md, MC0015: a primary, fallback or alias target holding ${VAR} is resolved through the client's resolver when it is used.</summary>
public sealed class VariableRefTests
{
    private const string Ok = """{"id":"msg","model":"provider-name","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}""";

    private static CatalogBuilder Builder(string baseUrl) => Catalog.CreateBuilder()
        .AddProvider("acme", baseUrl + "/acme", ModelApi.AnthropicMessages, "${ACME_API_KEY}")
        .AddModel("acme", "acme-small", cost: new ModelCost(1m, 2m))
        .AddModel("acme", "acme-large");

    [Fact]
    public async Task The_primary_and_an_alias_read_the_variable_at_request_time()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        var catalog = Builder(server.BaseUrl).SetPrimary("acme/${ACME_MODEL}").AddAlias("pick", "acme/${ACME_MODEL}").Build();
        Assert.Equal("acme/${ACME_MODEL}", catalog.Primary); // kept as written: only the client knows the variable's value
        var model = "acme-large";
        using var client = new CatalogChatClient(catalog, options: Options(secrets: new DelegateSecretResolver(name =>
            name == "ACME_MODEL" ? model : name == "ACME_API_KEY" ? "k-1" : null)));

        Assert.Equal("acme/acme-large", (await client.GetResponseAsync("hi")).ModelId);
        model = "acme-small";
        Assert.Equal("acme/acme-small", (await client.GetResponseAsync("hi", new ChatOptions { ModelId = "pick" })).ModelId);
        Assert.Equal(new[] { "acme-large", "acme-small" }, server.Requests.Select(r => r.Json.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task A_fallback_reads_the_variable_when_the_requested_model_fails()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Body.Contains("acme-small") ? context.Json("{}", 404) : context.Json(Ok));
        var catalog = Builder(server.BaseUrl).AddFallback("acme/${ACME_FALLBACK}").Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("ACME_FALLBACK", "acme-large"), ("ACME_API_KEY", "k-1"))));

        var response = await client.GetResponseAsync("hi", new ChatOptions { ModelId = "acme/acme-small" });

        Assert.Equal("acme/acme-large", response.ModelId);
    }

    [Fact]
    public async Task A_ref_variable_follows_the_catalogs_env_alias_like_every_other_variable()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(Ok));
        var catalog = Builder(server.BaseUrl).SetPrimary("acme/${ACME_MODEL}").AddEnvironmentAlias("ACME_MODEL", "${TEAM_MODEL}").Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("TEAM_MODEL", "acme-large"), ("ACME_API_KEY", "k-1"))));

        Assert.Equal("acme/acme-large", (await client.GetResponseAsync("hi")).ModelId);
    }

    [Fact]
    public async Task An_unset_variable_is_an_UnknownModelException_naming_it()
    {
        var catalog = Builder("http://127.0.0.1:9").SetPrimary("acme/${ACME_MODEL}").Build();
        using var client = new CatalogChatClient(catalog, options: Options(secrets: Secrets(("ACME_API_KEY", "k-1"))));

        var error = await Assert.ThrowsAsync<UnknownModelException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(UnknownModelReason.UnresolvedVariable, error.Reason);
        Assert.Contains("ACME_MODEL", error.Message);
        Assert.DoesNotContain("k-1", error.Message);
    }
}

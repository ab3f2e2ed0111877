using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests.Cases;

/// <summary>
/// Case tests/data/cases/catalogs/f01-provider-wildcard-allowlist: a <c>provider/*</c> allowlist key stands for every model
/// of that provider, in the validator, the generated <c>Allowlist</c> and the client's allowlist enforcement.
/// </summary>
public sealed class ProviderWildcardAllowlistTests
{
    private static readonly string CaseYaml = File.ReadAllText(Path.Combine(TestPaths.Shared, "cases", "catalogs", "f01-provider-wildcard-allowlist", "models.yaml"));

    [Fact]
    public void F01_WildcardKeyValidatesAndIsKeptInTheAllowlist()
    {
        var compiled = CatalogCompiler.Compile(CaseYaml, default);
        Assert.Empty(compiled.Diagnostics);
        Assert.Equal(new[] { "anthropic/claude-opus-4-6", "openai/*" }, compiled.Spec.Allowlist);
    }

    [Fact]
    public void WildcardOfAProviderThatDoesNotExistIsStillMC0009()
    {
        var compiled = CatalogCompiler.Compile("agents:\n  defaults:\n    models:\n      \"acme/*\": {}\n", default);
        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.Equal("MC0009", diagnostic.Id);
        Assert.Equal("agents.defaults.models key 'acme/*' names provider 'acme', which has no provider block and is not built in; add models.providers.acme with baseUrl, api and models", diagnostic.Message);
    }

    [Fact]
    public void AnAliasOnAWildcardKeyIsAnInvalidValueNotARuntimeFailure()
    {
        var compiled = CatalogCompiler.Compile("agents:\n  defaults:\n    models:\n      \"openai/*\": { alias: gpt }\n", default);
        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.Equal("MC0003", diagnostic.Id);
        Assert.Empty(compiled.Spec.Aliases);
        Assert.Equal(new[] { "openai/*" }, compiled.Spec.Allowlist);
    }

    [Fact]
    public async Task F01_ClientHonoursTheWildcardAndStillRejectsOtherProviders()
    {
        var (output, _) = GeneratorHarness.Run(CaseYaml);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var catalog = (Catalog)Assembly.Load(stream.ToArray()).GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
        Assert.Equal(new[] { "anthropic/claude-opus-4-6", "openai/*" }, catalog.Allowlist.OrderBy(r => r, StringComparer.Ordinal));

        // No key is set, so no request can leave the machine.
        using var client = new CatalogChatClient(catalog, options: new CatalogChatClientOptions
        {
            EnforceAllowlist = true,
            SecretResolver = new DelegateSecretResolver(_ => null),
        });

        var openai = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4.1" }));
        Assert.Contains("OPENAI_API_KEY", openai.Message);
        Assert.DoesNotContain("allowlist", openai.Message, StringComparison.OrdinalIgnoreCase);

        var minimax = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax/MiniMax-M2.1" }));
        Assert.Contains("allowlist", minimax.Message);
    }
}

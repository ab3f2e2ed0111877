using System.Linq;
using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// Keeps the lines the package end-to-end test expects true, in the same program: its only client is a
/// <c>CatalogChatClient</c>, which makes its ChatOptions.ModelId values catalog refs (README.md, Model refs in C#).
/// </summary>
public sealed class EndToEndExpectationTests
{
    [Fact]
    public async Task TheDocumentedBuildOutputLines()
    {
        const string Program = """
            using Microsoft.Extensions.AI;
            var a = new ChatOptions { ModelId = "minimax/minimax-m2.1" };
            var b = new ChatOptions { ModelId = "mistral/mistral-large-latest" };
            var c = new ChatOptions { ModelId = "acme/acme-smal" };
            var d = new ChatOptions { ModelId = "acme/acme-small" };
            using var client = new ModelCatalog.CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());
            """;
        const string Catalog = """
            models:
              providers:
                acme: { baseUrl: "https://acme.example/v1", api: openai-completions, apiKey: "${ACME_API_KEY}", models: [{ id: acme-small }] }
            """;

        var diagnostics = await DirectAnalyzerRunner.RunAsync(Program, Catalog);
        var lines = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            var level = d.Severity switch { Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "error", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "warning", _ => "info" };
            return $"Program.cs({position.Line + 1},{position.Character + 1}): {level} {d.Id}: {d.GetMessage()}";
        });

        Assert.Equal(new[]
        {
            "Program.cs(2,37): warning MC1001: Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1",
            "Program.cs(3,37): error MC1002: Model ref 'mistral/mistral-large-latest' names provider 'mistral', which has no provider block and is not built in; add models.providers.mistral to models.yaml",
            "Program.cs(4,37): warning MC1003: Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml",
            "Program.cs(5,37): info MC1004: Model ref 'acme/acme-small' has a generated constant: use ModelIds.Acme.AcmeSmall",
        }, lines);
    }
}

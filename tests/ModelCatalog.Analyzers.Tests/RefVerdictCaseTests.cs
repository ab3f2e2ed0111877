using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Infrastructure.CatalogVerifier;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The handed cases of tests/data/cases/catalogs about ref messages (f01, f06, f07, f11) and MC0015: each checks what its
/// case.md states, at the exact position, through the analyzer that reports it in the build.
/// </summary>
public sealed class RefVerdictCaseTests
{
    [Fact]
    public Task F06_BareModelIdSuggestsTheOneCatalogModelWithThatId() => VerifyAsync(
        Case("f06-bare-model-id", "models.yaml"),
        Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 2, 84, 2, 93)
            .WithMessage("fallback 'gpt-5.4' is not a provider/model-id ref or an alias (did you mean 'openai/gpt-5.4'?); write it as provider/model-id or define the alias in agents.defaults.models"));

    [Fact]
    public Task F07_ReplaceModeSaysTheProviderIsBuiltInButLeftOut() => VerifyAsync(
        Case("f07-replace-mode-builtin-message", "models.yaml"),
        Diagnostic("MC0009", DiagnosticSeverity.Error).WithSpan(CatalogPath, 2, 82, 2, 109)
            .WithMessage("fallback 'anthropic/claude-opus-4-6' names provider 'anthropic', which is built in but left out because models.mode is replace (only the providers this file lists exist); add models.providers.anthropic with baseUrl, api and models, or use models.mode: merge"));

    [Fact]
    public async Task F11_TruncatedIdGetsTheSameDidYouMeanInYamlAndCSharp()
    {
        const string DidYouMean = "(did you mean 'together/Qwen/Qwen3-235B-A22B-Instruct-2507-tput'?)";
        var catalog = Case("f11-truncated-id-suggestion", "models.yaml");
        await VerifyAsync(catalog,
            Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 2, 43, 2, 88)
                .WithMessage("agents.defaults.model.primary 'together/Qwen/Qwen3-235B-A22B-Instruct-2507' names a model provider 'together' does not have " + DidYouMean +
                    "; add { id: Qwen/Qwen3-235B-A22B-Instruct-2507 } to models.providers.together.models or fix the ref"));

        var diagnostics = await DirectAnalyzerRunner.RunAsync(Case("f11-truncated-id-suggestion", "Program.cs"), catalog);
        Assert.Equal(new[]
        {
            "Program.cs(2,37): warning MC1003: Provider 'together' has no model 'Qwen/Qwen3-235B-A22B-Instruct-2507' " + DidYouMean +
                "; fix the ref or add { id: Qwen/Qwen3-235B-A22B-Instruct-2507 } to models.providers.together.models in models.yaml",
        }, diagnostics.Select(BuildLine));
    }

    [Fact]
    public async Task F01_ProviderWildcardAllowlistKeyIsNeverADiagnostic()
    {
        var catalog = Case("f01-provider-wildcard-allowlist", "models.yaml");
        await VerifyAsync(catalog);
        var diagnostics = await DirectAnalyzerRunner.RunAsync(Case("f01-provider-wildcard-allowlist", "Program.cs"), catalog);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public Task MC0015_VariableRefIsReportedOnceAsInfo() => VerifyAsync(
        "agents:\n  defaults:\n    model: { primary: \"acme/${ACME_MODEL}\", fallbacks: [\"${FALLBACK_REF}\"] }\n" +
        "models:\n  providers:\n    acme: { baseUrl: \"https://acme.example/v1\", api: openai-completions, apiKey: \"${ACME_API_KEY}\", models: [{ id: a }] }\n",
        Diagnostic("MC0015", DiagnosticSeverity.Info).WithSpan(CatalogPath, 3, 23, 3, 43)
            .WithMessage("agents.defaults.model.primary 'acme/${ACME_MODEL}' holds a ${VAR} reference: it is resolved at run time through the client's secret resolver (environment variables by default), so the build cannot check it and generates no ModelIds constant for it"),
        Diagnostic("MC0015", DiagnosticSeverity.Info).WithSpan(CatalogPath, 3, 57, 3, 74)
            .WithMessage("fallback '${FALLBACK_REF}' holds a ${VAR} reference: it is resolved at run time through the client's secret resolver (environment variables by default), so the build cannot check it and generates no ModelIds constant for it"));

    /// <summary>A diagnostic as <c>dotnet build</c> prints it (file name only).</summary>
    internal static string BuildLine(Diagnostic d)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        var level = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
        return $"{System.IO.Path.GetFileName(d.Location.GetLineSpan().Path)}({position.Line + 1},{position.Character + 1}): {level} {d.Id}: {d.GetMessage()}";
    }

    private static string Case(string name, string file) => ReadShared("cases/catalogs/" + name + "/" + file);
}

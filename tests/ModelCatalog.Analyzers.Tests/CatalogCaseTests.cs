using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Infrastructure.CatalogVerifier;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The handed catalog cases of issue #7 (tests/data/cases/catalogs/fNN-*, read unchanged) and the rules behind them:
/// exact id, severity, span and message, as the build prints them.
/// </summary>
public sealed class CatalogCaseTests
{
    [Fact]
    public Task F05_EnvValueThatIsAReferenceIsNoLiteralSecret() =>
        VerifyAsync(ReadShared("cases/catalogs/f05-env-block-reference/models.yaml"));

    [Fact]
    public Task MC0006_StaysForLiteralEnvValuesButNotForReferences() => VerifyAsync(
        "env:\n  ACME_API_KEY: \"${ACME_KEY_CO}\"\n  TEAM: team-${TEAM_ID}\n  MINIMAX_API_KEY: sk-live-123\n",
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 4, 20, 4, 31)
            .WithMessage("env.MINIMAX_API_KEY holds a literal value; env values are never compiled in: set MINIMAX_API_KEY in the environment and write MINIMAX_API_KEY: \"\""));

    [Fact]
    public Task F08_PerTokenPricesWarnAtTheFirstPrice() => VerifyAsync(
        ReadShared("cases/catalogs/f08-per-token-prices/models.yaml"),
        Diagnostic("MC0012", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 8, 56, 8, 64)
            .WithMessage("model 'acme/sonnet-proxy' cost.input 0.000003 looks like a price per token: prices are USD per 1M tokens, so it means " +
                         "$0.000003 for a million tokens; if the source listed per-token prices, multiply by 1,000,000: input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75"));

    [Fact]
    public Task MC0012_IsJudgedOnTheNonZeroPricesAndNamesTheValueAsWritten() => VerifyAsync(
        "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: ${ACME_API_KEY}\n      models:\n" +
        "        - { id: free, cost: { input: 0, output: 0 } }\n" +          // free: no warning
        "        - { id: real, cost: { input: 0.0005, output: 2 } }\n" +     // one real per-1M price: no warning
        "        - { id: cheap, cost: { input: 0.01, output: 0.02 } }\n" +   // tiny but plausible per 1M: no warning
        "        - { id: tok, cost: { input: 0, output: 2.5e-6 } }\n",      // zero skipped, the first non-zero one is named
        Diagnostic("MC0012", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 11, 48, 11, 54)
            .WithMessage("model 'acme/tok' cost.output 2.5e-6 looks like a price per token: prices are USD per 1M tokens, so it means " +
                         "$0.0000025 for a million tokens; if the source listed per-token prices, multiply by 1,000,000: output: 2.5"));

    [Fact]
    public Task F10_UncallableApiOnPrimaryAndFallback() => VerifyAsync(
        ReadShared("cases/catalogs/f10-uncallable-api-in-primary/models.yaml"),
        Diagnostic("MC0013", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 43, 2, 66).WithMessage(Uncallable("primary", "google/gemini-2.5-pro")),
        Diagnostic("MC0013", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 80, 2, 105).WithMessage(Uncallable("fallback", "google/gemini-2.5-flash")));

    [Fact]
    public Task MC0013_FollowsAliasesAndAModelLevelCallableApiRemovesIt() => VerifyAsync(
        "agents:\n  defaults:\n    model: { primary: gp, fallbacks: [google/flash-compat] }\n    models:\n      google/pro: { alias: gp }\n      google/flash-compat: {}\n" +
        "models:\n  providers:\n    google:\n      baseUrl: https://generativelanguage.googleapis.com/v1beta\n      api: google-generative-ai\n      apiKey: ${GEMINI_API_KEY}\n" +
        "      models: [{ id: pro }, { id: flash-compat, api: openai-completions }]\n",
        Diagnostic("MC0013", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 3, 23, 3, 25).WithMessage(Uncallable("primary", "google/pro")),
        Diagnostic("MC0013", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 5, 7, 5, 17).WithMessage(Uncallable("alias target", "google/pro")));

    private static string Uncallable(string role, string modelRef) =>
        role + " '" + modelRef + "' uses api 'google-generative-ai', which CatalogChatClient cannot call (it calls anthropic-messages, openai-completions and " +
        "openai-responses); every request to it will fail: point it at a model with a callable api, or set api: on the model if its endpoint also speaks one of those";
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Infrastructure.CatalogVerifier;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>One test per catalog diagnostic: id, severity, file, exact span and message, as the build prints them.</summary>
public sealed class CatalogDiagnosticTests
{
    [Fact]
    public Task MC0001_UnclosedFlowSequence() => VerifyAsync(
        "models:\n  providers: [\n",
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan(CatalogPath, 3, 1, 3, 1)
            .WithMessage("models.yaml is not valid YAML: While parsing a node, did not find expected node content; fix the syntax here"));

    [Fact]
    public Task MC0001_TooDeep() => VerifyAsync(
        "x: " + new string('[', 70) + new string(']', 70) + "\n",
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 67, 1, 68)
            .WithMessage("models.yaml nests deeper than 64 levels; a catalog needs only a few levels"));

    [Fact]
    public Task MC0002_UnknownKeyWithDidYouMean() => VerifyAsync(
        "models:\n  provders: {}\n",
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 3, 2, 11)
            .WithMessage("unknown key 'provders' in models; did you mean 'providers'?"));

    [Fact]
    public Task MC0002_UnknownCostKey() => VerifyAsync(
        "models:\n  providers:\n    minimax:\n      models:\n        - { id: MiniMax-M2.1, cost: { input: 1, outptu: 2 } }\n",
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 5, 49, 5, 55)
            .WithMessage("unknown key 'outptu' in model 'minimax/MiniMax-M2.1' cost; did you mean 'output'?"));

    [Fact]
    public Task MC0003_InvalidValues() => VerifyAsync(
        "models:\n  mode: mrege\n  providers:\n    minimax:\n      baseUrl: ftp//nope\n      authHeader: \"yes\"\n      models:\n        - id: MiniMax-M2.1\n          contextWindow: -5\n          maxTokens: \"8192\"\n          input: [text, audio]\n          cost: { input: -1 }\n",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 2, 9, 2, 14)
            .WithMessage("models.mode must be merge or replace, not 'mrege'; did you mean 'merge'?"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 5, 16, 5, 25)
            .WithMessage("provider 'minimax' baseUrl 'ftp//nope' is not an absolute http(s) URL; write e.g. https://api.example.com/v1 or ${BASE_URL}"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 6, 19, 6, 24)
            .WithMessage("provider 'minimax' authHeader must be true or false, not a quoted string"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 9, 26, 9, 28)
            .WithMessage("model 'minimax/MiniMax-M2.1' contextWindow must be a positive whole number of tokens (at most 2,147,483,647), not -5"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 10, 22, 10, 28)
            .WithMessage("model 'minimax/MiniMax-M2.1' maxTokens must be a number, not a quoted string (remove the quotes)"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 11, 25, 11, 30)
            .WithMessage("model 'minimax/MiniMax-M2.1' input kind must be text or image, not 'audio'"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 12, 26, 12, 28)
            .WithMessage("model 'minimax/MiniMax-M2.1' cost.input must not be negative (-1); prices are USD per 1M tokens"));

    [Fact]
    public Task MC0003_UnknownApiKind() => VerifyAsync(
        "models:\n  providers:\n    acme: { baseUrl: https://acme.example, api: openai-chat, models: [] }\n",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 3, 49, 3, 60)
            .WithMessage("provider 'acme' api must be anthropic-messages, openai-completions or openai-responses (or another OpenClaw kind), not 'openai-chat'"));

    [Fact]
    public Task MC0004_ProviderThatIsNotBuiltInNeedsBaseUrlAndApi() => VerifyAsync(
        "models:\n  providers:\n    mistral:\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - name: no id here\n",
        Diagnostic("MC0004", DiagnosticSeverity.Error).WithSpan(CatalogPath, 3, 5, 3, 12)
            .WithMessage("provider 'mistral' has no baseUrl and no api: a provider that is not built in needs both; add baseUrl: https://… and api: openai-completions (or anthropic-messages, openai-responses)"),
        Diagnostic("MC0004", DiagnosticSeverity.Error).WithSpan(CatalogPath, 6, 11, 6, 12)
            .WithMessage("model #1 of provider 'mistral' has no id; add id: <model-id> (the exact, case-sensitive id the provider expects)"));

    [Fact]
    public Task MC0004_ReplaceModeNeedsBaseUrlAndApiEvenForBuiltIns() => VerifyAsync(
        "models:\n  mode: replace\n  providers:\n    minimax:\n      baseUrl: https://api.minimax.io/anthropic\n      models: [{ id: MiniMax-M2.1 }]\n",
        Diagnostic("MC0004", DiagnosticSeverity.Error).WithSpan(CatalogPath, 4, 5, 4, 12)
            .WithMessage("provider 'minimax' has no api: in replace mode every provider needs both; add api: openai-completions (or anthropic-messages, openai-responses)"));

    [Fact]
    public Task MC0005_DuplicateProviderModelAndAlias() => VerifyAsync(
        "agents:\n  defaults:\n    models:\n      anthropic/claude-opus-4-6: { alias: opus }\n      openai/gpt-5.4: { alias: OPUS }\nmodels:\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [{ id: x }, { id: x }] }\n    ACME: { baseUrl: \"https://b.example\", api: openai-completions, models: [] }\n",
        Diagnostic("MC0005", DiagnosticSeverity.Error).WithSpan(CatalogPath, 5, 32, 5, 36)
            .WithMessage("duplicate alias 'OPUS' (aliases ignore case); give this model another alias"),
        Diagnostic("MC0005", DiagnosticSeverity.Error).WithSpan(CatalogPath, 8, 94, 8, 95)
            .WithMessage("duplicate model id 'x' in provider 'acme'; merge the two entries or remove this one"),
        Diagnostic("MC0005", DiagnosticSeverity.Error).WithSpan(CatalogPath, 9, 5, 9, 9)
            .WithMessage("duplicate provider 'ACME' (provider ids are unique ignoring case); merge it into the first block or rename it"));

    [Fact]
    public Task MC0006_LiteralSecrets() => VerifyAsync(
        "env:\n  MINIMAX_API_KEY: sk-live-123\nmodels:\n  providers:\n    acme:\n      baseUrl: https://api.acme.example/v1\n      api: openai-completions\n      apiKey: sk-literal\n      headers: { Authorization: \"Bearer abc\", X-Title: demo }\n      models: [{ id: a }]\n",
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 20, 2, 31)
            .WithMessage("env.MINIMAX_API_KEY holds a literal value; env values are never compiled in: set MINIMAX_API_KEY in the environment and write MINIMAX_API_KEY: \"\""),
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 8, 15, 8, 25)
            .WithMessage("provider 'acme' has a literal apiKey; keys are never compiled in (calls will fail until it is a reference): write apiKey: ${ACME_API_KEY} and set that variable"),
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 9, 33, 9, 45)
            .WithMessage("header 'Authorization' of provider 'acme' holds a literal credential; it is not compiled in: write Authorization: ${ACME_AUTHORIZATION} and set that variable"));

    [Fact]
    public Task MC0006_NotForLoopbackProviders() => VerifyAsync(
        "models:\n  providers:\n    lmstudio: { baseUrl: \"http://127.0.0.1:1234/v1\", apiKey: lmstudio, api: openai-responses, models: [{ id: m }] }\n");

    [Fact]
    public Task MC0007_MC0008_MC0009_BadRefs() => VerifyAsync(
        "agents:\n  defaults:\n    model:\n      primary: minimax/MiniMax-M9\n      fallbacks: [minimax/minimax-m2.1, minmax/MiniMax-M2.1, nothere]\n",
        Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 4, 16, 4, 34)
            .WithMessage("agents.defaults.model.primary 'minimax/MiniMax-M9' names a model provider 'minimax' does not have (did you mean 'minimax/MiniMax-M2.1', 'minimax/MiniMax-M2.5' or 'minimax/MiniMax-M2.7'?); add { id: MiniMax-M9 } to models.providers.minimax.models or fix the ref"),
        Diagnostic("MC0008", DiagnosticSeverity.Error).WithSpan(CatalogPath, 5, 19, 5, 39)
            .WithMessage("fallback 'minimax/minimax-m2.1' differs only in case from 'minimax/MiniMax-M2.1': model ids are case-sensitive; write 'minimax/MiniMax-M2.1'"),
        Diagnostic("MC0009", DiagnosticSeverity.Error).WithSpan(CatalogPath, 5, 41, 5, 60)
            .WithMessage("fallback 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); fix the provider or add models.providers.minmax with baseUrl, api and models"),
        Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 5, 62, 5, 69)
            .WithMessage("fallback 'nothere' is not a provider/model-id ref or an alias; write it as provider/model-id or define the alias in agents.defaults.models"));

    [Fact]
    public Task MC0008_ProviderPartIgnoresCase() => VerifyAsync(
        "agents:\n  defaults:\n    model: MiniMax/MiniMax-M2.1\n");

    [Fact]
    public Task MC0009_AllowlistRefWithoutProviderBlock() => VerifyAsync(
        "agents:\n  defaults:\n    models:\n      \"ollama/llama3:8b\": { alias: llama }\n",
        Diagnostic("MC0009", DiagnosticSeverity.Error).WithSpan(CatalogPath, 4, 7, 4, 25)
            .WithMessage("agents.defaults.models key 'ollama/llama3:8b' names provider 'ollama', which has no provider block and is not built in; add models.providers.ollama with baseUrl, api and models"));

    [Fact]
    public Task MC0010_MaxTokensAboveContextWindow() => VerifyAsync(
        "models:\n  providers:\n    acme:\n      baseUrl: https://api.acme.example/v1\n      api: openai-completions\n      models:\n        - { id: big, contextWindow: 1000, maxTokens: 2000 }\n",
        Diagnostic("MC0010", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 7, 54, 7, 58)
            .WithMessage("model 'acme/big' has maxTokens 2,000 above its contextWindow 1,000; it is clamped to 1,000: lower maxTokens or raise contextWindow"));

    [Fact]
    public Task MC0011_IdentifierCollision() => VerifyAsync(
        "models:\n  providers:\n    acme:\n      baseUrl: https://api.acme.example/v1\n      api: openai-completions\n      models:\n        - { id: gpt-3-5-turbo }\n        - { id: gpt-3.5-turbo }\n",
        Diagnostic("MC0011", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 8, 17, 8, 30)
            .WithMessage("model 'acme/gpt-3.5-turbo' maps to the same C# identifier as 'acme/gpt-3-5-turbo'; it is generated as Gpt3_5Turbo_2: rename one id if you want a cleaner name"));

    [Fact]
    public Task Json5CommentsAreIgnoredAndPositionsKept() => VerifyAsync(
        "{\n  // OpenClaw config\n  agents: { defaults: { model: { primary: \"minimax/MiniMax-M9\" } } }, /* trailing */\n}\n",
        Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 3, 43, 3, 63)
            .WithMessage("agents.defaults.model.primary 'minimax/MiniMax-M9' names a model provider 'minimax' does not have (did you mean 'minimax/MiniMax-M2.1', 'minimax/MiniMax-M2.5' or 'minimax/MiniMax-M2.7'?); add { id: MiniMax-M9 } to models.providers.minimax.models or fix the ref"));

    [Fact]
    public Task LmStudioExampleIsClean() => VerifyAsync(ReadShared("examples/lmstudio-local.models.yaml"));

    [Theory]
    [InlineData("minimax-api-key.models.yaml")]
    [InlineData("opus-primary-minimax-fallback.models.yaml")]
    public Task MinimaxExamplesOnlyWarnAboutTheirLiteralEnvValue(string file) => VerifyAsync(
        ReadShared("examples/" + file),
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 27, 2, 35)
            .WithMessage("env.MINIMAX_API_KEY holds a literal value; env values are never compiled in: set MINIMAX_API_KEY in the environment and write MINIMAX_API_KEY: \"\""));
}

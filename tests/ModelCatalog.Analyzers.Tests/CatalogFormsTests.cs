using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Infrastructure.CatalogVerifier;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// Catalogs as people write them (issue #7): YAML merge keys, models.yml and other file names, MC0014, the OpenClaw keys
/// that pass silently, agents.list, api on every model instead of the provider, OpenClaw's per-agent models.json.
/// </summary>
public sealed class CatalogFormsTests
{
    private const string ModelKeys = "id, name, api, reasoning, input, cost, contextWindow, maxTokens, headers, contextTokens, compat, params, streaming, agentRuntime";

    [Fact]
    public Task F04_MergeKeyIsNotAnUnknownKey() => VerifyAsync(ReadShared("cases/catalogs/f04-yaml-merge-key/models.yaml"));

    [Fact]
    public Task MergeKeysInProvidersCostHeadersAndAllowlistEntriesAreClean() => VerifyAsync(
        "x-local: &local { baseUrl: \"http://127.0.0.1:8080/v1\", api: openai-completions, headers: &h { X-App: demo } }\n" +
        "x-cost: &cost { input: 1, output: 2 }\n" +
        "x-entry: &entry { streaming: false }\n" +
        "agents:\n  defaults:\n    models:\n      one/m: { <<: *entry, alias: first }\n" +
        "models:\n  providers:\n    one: { <<: *local, models: [{ id: m, cost: { <<: *cost, output: 3 } }] }\n" +
        "    two:\n      <<: *local\n      headers: { <<: *h, X-Tier: premium }\n      models: [{ id: m }]\n");

    [Fact]
    public Task MergeValueThatIsNotAMappingIsMC0003AtTheValue() => VerifyAsync(
        "x-text: &text plain\nmodels:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: ${ACME_API_KEY}\n      models:\n" +
        "        - { <<: 3, id: a }\n        - { <<: *text, id: b }\n        - { <<: [*text], id: c }\n        - { \"<<\": *text, id: d }\n",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 9, 17, 9, 18)
            .WithMessage("merge key '<<' takes a mapping, an alias to one (<<: *base) or a list of them (<<: [*a, *b]), not '3'; this value is ignored"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 10, 17, 10, 22)
            .WithMessage("merge key '<<' takes a mapping, an alias to one (<<: *base) or a list of them (<<: [*a, *b]), not 'plain'; this value is ignored"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 11, 18, 11, 23)
            .WithMessage("merge key '<<' takes a mapping, an alias to one (<<: *base) or a list of them (<<: [*a, *b]), not 'plain'; this value is ignored"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 12, 13, 12, 17)
            .WithMessage("unknown key '<<' in model 'acme/d'; it is ignored (known keys: " + ModelKeys + ")"));

    [Fact]
    public Task ProblemInAnInheritedValueIsReportedOnceWhereItIsWritten() => VerifyAsync(
        "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: ${ACME_API_KEY}\n      models:\n" +
        "        - &base { id: a, maxTokens: \"many\" }\n        - { <<: *base, id: b }\n",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 8, 37, 8, 43)
            .WithMessage("model 'acme/a' maxTokens must be a number, not a quoted string (remove the quotes)"));

    [Fact]
    public Task F12_AcceptedKeysAreSuggested() => VerifyAsync(
        ReadShared("cases/catalogs/f12-accepted-keys-suggestion/models.yaml"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 67, 2, 73)
            .WithMessage("unknown key 'parmas' in agents.defaults.models.openai/gpt-4.1; did you mean 'params'?"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 3, 63, 3, 75)
            .WithMessage("unknown key 'contextTokes' in model 'openai/gpt-4.1'; did you mean 'contextTokens'?"));

    [Fact]
    public Task KnownKeysListsIncludeAcceptedKeysAndModelsAreNamedById() => VerifyAsync(
        "agents:\n  defaults:\n    models:\n      openai/gpt-4.1: { zzzz: 1 }\nmodels:\n  providers:\n    openai:\n      qqqqqq: 1\n      models:\n        - { qqqqqq: 1, id: gpt-4.1 }\n",
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 4, 25, 4, 29)
            .WithMessage("unknown key 'zzzz' in agents.defaults.models.openai/gpt-4.1; it is ignored (known keys: alias, params, streaming, agentRuntime)"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 8, 7, 8, 13)
            .WithMessage("unknown key 'qqqqqq' in provider 'openai'; it is ignored (known keys: baseUrl, api, apiKey, authHeader, headers, models, auth, request, injectNumCtxForOpenAICompat, params, streaming, agentRuntime)"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 10, 13, 10, 19)
            .WithMessage("unknown key 'qqqqqq' in model 'openai/gpt-4.1'; it is ignored (known keys: " + ModelKeys + ")"));

    [Fact]
    public Task AcceptedOpenClawKeysPassSilently() => VerifyAsync(
        "agents:\n  defaults:\n    models:\n      \"openai/gpt-4.1\": { alias: g, params: { temperature: 0.2 }, streaming: false, agentRuntime: { kind: pi } }\n" +
        "models:\n  providers:\n    openai:\n      auth: api-key\n      request: { allowPrivateNetwork: false }\n      injectNumCtxForOpenAICompat: true\n      params: { x: 1 }\n      streaming: true\n      agentRuntime: {}\n" +
        "      models:\n        - { id: gpt-4.1, contextTokens: 100000, compat: { supportsTools: true }, params: {}, streaming: false, agentRuntime: {} }\n");

    [Fact]
    public Task MessagesNameTheConfiguredFile() => VerifyFileAsync(
        "/0/config/catalog.yaml", "- not a mapping\n", "build_property.ModelCatalogFile = config/catalog.yaml",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan("/0/config/catalog.yaml", 1, 1, 1, 16)
            .WithMessage("the top level of config/catalog.yaml must be a mapping, not a list"));

    [Fact]
    public Task SyntaxErrorsNameTheConfiguredFile() => VerifyFileAsync(
        "/0/config/catalog.yaml", "models:\n  providers: [\n", "build_property.ModelCatalogFile = ./config/catalog.yaml",
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan("/0/config/catalog.yaml", 3, 1, 3, 1)
            .WithMessage("config/catalog.yaml is not valid YAML: While parsing a node, did not find expected node content; fix the syntax here"));

    [Fact]
    public Task Json5SyntaxErrorsNameTheConfiguredFile() => VerifyFileAsync(
        "/0/config/catalog.json5", "{ models: { mode: 'merge' providers: {} } }\n", "build_property.ModelCatalogFile = config/catalog.json5",
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan("/0/config/catalog.json5", 1, 27, 1, 28)
            .WithMessage("config/catalog.json5 is not valid JSON5: expected ',' or '}' after the value of 'mode', found 'p'; fix the syntax here"));

    [Fact]
    public Task ModelsYmlIsTheCatalogAndNamedInMessages() => VerifyFileAsync(
        "/0/models.yml", "x: " + new string('[', 70) + new string(']', 70) + "\n", null,
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan("/0/models.yml", 1, 67, 1, 68)
            .WithMessage("models.yml nests deeper than 64 levels; a catalog needs only a few levels"));

    [Fact]
    public Task MC0014_ConfiguredFileThatDoesNotExist() => VerifyAsync(
        "agents: { defaults: { model: minimax/MiniMax-M9 } }\n", "build_property.ModelCatalogFile = config/missing.yaml",
        Diagnostic("MC0014", DiagnosticSeverity.Warning).WithNoLocation()
            .WithMessage("ModelCatalogFile names 'config/missing.yaml', which does not exist in the project (or, with ModelCatalogAutoInclude false, is not an AdditionalFiles item); only the built-in catalog is generated: fix the path relative to the project folder, or create the file"));

    [Fact]
    public Task MC0014_NotWithoutTheProperty() => VerifyFileAsync(null, "", null);

    [Fact]
    public Task CSharpDiagnosticsNameTheConfiguredCatalogFile()
    {
        var test = new ModelRefAnalyzerTest(
            "class P { static void Send([ModelCatalog.ModelRef] string model) { } void M() { Send({|#0:\"mistral/large\"|}); Send({|#1:\"acme/smal\"|}); } }",
            catalog: null, ModelRefTestSetup.GlobalConfig + "build_property.ModelCatalogFile = config/catalog.yaml\n");
        test.TestState.AdditionalFiles.Add(("/0/config/catalog.yaml",
            "models:\n  providers:\n    acme: { baseUrl: https://acme.example/v1, api: openai-completions, apiKey: \"${ACME_API_KEY}\", models: [{ id: small }] }\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MC1002", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("Model ref 'mistral/large' names provider 'mistral', which has no provider block and is not built in; add models.providers.mistral to config/catalog.yaml"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MC1003", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("Provider 'acme' has no model 'smal' (did you mean 'acme/small'?); fix the ref or add { id: smal } to models.providers.acme.models in config/catalog.yaml"));
        return test.RunAsync();
    }

    [Fact]
    public Task AgentsListModelsAreCheckedLikeTheDefaults() => VerifyAsync(
        "agents:\n  list:\n    - id: main\n      model: minimax/MiniMax-M9\n      workspace: ~/agents/main\n      sandbox: { mode: all }\n" +
        "    - id: coder\n      model:\n        primary: minimax/minimax-m2.1\n        fallbacks: [minmax/MiniMax-M2.1, anthropic/claude-opus-4-6]\n    - id: plain\n" +
        "    - { id: typo, model: { primray: openai/gpt-5.4 } }\n",
        Diagnostic("MC0007", DiagnosticSeverity.Error).WithSpan(CatalogPath, 4, 14, 4, 32)
            .WithMessage("agents.list[0].model.primary 'minimax/MiniMax-M9' names a model provider 'minimax' does not have (did you mean 'minimax/MiniMax-M2.1', 'minimax/MiniMax-M2.5' or 'minimax/MiniMax-M2.7'?); add { id: MiniMax-M9 } to models.providers.minimax.models or fix the ref"),
        Diagnostic("MC0008", DiagnosticSeverity.Error).WithSpan(CatalogPath, 9, 18, 9, 38)
            .WithMessage("agents.list[1].model.primary 'minimax/minimax-m2.1' differs only in case from 'minimax/MiniMax-M2.1': model ids are case-sensitive; write 'minimax/MiniMax-M2.1'"),
        Diagnostic("MC0009", DiagnosticSeverity.Error).WithSpan(CatalogPath, 10, 21, 10, 40)
            .WithMessage("agents.list[1].model fallback 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); fix the provider or add models.providers.minmax with baseUrl, api and models"),
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 12, 28, 12, 35)
            .WithMessage("unknown key 'primray' in agents.list[3].model; did you mean 'primary'?"));

    [Fact]
    public Task ApiOnEveryModelReplacesTheProviderApi() => VerifyAsync(
        "models:\n  providers:\n    mixed:\n      baseUrl: https://mixed.example/v1\n      apiKey: ${MIXED_API_KEY}\n      models:\n" +
        "        - { id: a, api: openai-completions }\n        - { id: b, api: anthropic-messages }\n" +
        "    partial:\n      baseUrl: https://partial.example/v1\n      apiKey: ${PARTIAL_API_KEY}\n      models:\n" +
        "        - { id: a, api: openai-completions }\n        - { id: b }\n",
        Diagnostic("MC0004", DiagnosticSeverity.Error).WithSpan(CatalogPath, 9, 5, 9, 12)
            .WithMessage("provider 'partial' has no api and its model 'b' sets none: without a provider api every model needs its own; add api: openai-completions (or anthropic-messages, openai-responses) to the provider or to that model"));

    [Fact]
    public Task ModelsJsonKeyMarkersAreNotLiteralSecrets() => VerifyFileAsync(
        "/0/agent/models.json",
        "{\n  \"providers\": {\n" +
        "    \"minimax\": { \"baseUrl\": \"https://api.minimax.io/anthropic\", \"api\": \"anthropic-messages\", \"apiKey\": \"MINIMAX_API_KEY\", \"models\": [{ \"id\": \"MiniMax-M2.1\" }] },\n" +
        "    \"ollama\": { \"baseUrl\": \"http://127.0.0.1:11434/v1\", \"api\": \"openai-completions\", \"apiKey\": \"ollama-local\", \"models\": [{ \"id\": \"llama3\" }] },\n" +
        "    \"acme\": { \"baseUrl\": \"https://acme.example/v1\", \"api\": \"openai-completions\", \"apiKey\": \"secretref-managed\", \"headers\": { \"X-Token\": \"secretref-env:ACME_TOKEN\" }, \"models\": [{ \"id\": \"a\" }] },\n" +
        "    \"portal\": { \"baseUrl\": \"https://api.minimax.io/anthropic\", \"api\": \"anthropic-messages\", \"apiKey\": \"minimax-oauth\", \"models\": [] },\n" +
        "    \"leaky\": { \"baseUrl\": \"https://leaky.example/v1\", \"api\": \"openai-completions\", \"apiKey\": \"sk-live-1\", \"headers\": { \"X-Key\": \"SECRET\" }, \"models\": [{ \"id\": \"l\" }] }\n" +
        "  }\n}\n",
        "build_property.ModelCatalogFile = agent/models.json",
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan("/0/agent/models.json", 7, 94, 7, 105)
            .WithMessage("provider 'leaky' has a literal apiKey; keys are never compiled in (calls will fail until it is a reference): write apiKey: ${LEAKY_API_KEY} and set that variable"),
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan("/0/agent/models.json", 7, 129, 7, 137)
            .WithMessage("header 'X-Key' of provider 'leaky' holds a literal credential; it is not compiled in: write X-Key: ${LEAKY_X_KEY} and set that variable"));

    [Fact]
    public Task KeyMarkersAreOrdinaryValuesInAModelsYaml() => VerifyAsync(
        "models:\n  providers:\n    acme: { baseUrl: https://acme.example/v1, api: openai-completions, apiKey: ACME_API_KEY, models: [{ id: a }] }\n",
        Diagnostic("MC0006", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 3, 80, 3, 92)
            .WithMessage("provider 'acme' has a literal apiKey; keys are never compiled in (calls will fail until it is a reference): write apiKey: ${ACME_API_KEY} and set that variable"));
}

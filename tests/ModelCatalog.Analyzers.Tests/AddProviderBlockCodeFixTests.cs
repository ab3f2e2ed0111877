using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.CodeFixes;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// MC1002's fix edits models.yaml (an additional document) from the C# diagnostic: exact file text after the fix for a
/// block-style and a JSON5-style catalog, and Fix All, which writes every missing provider in one edit. Each project's
/// only client is the catalog's (<see cref="TestCatalogs.CatalogOnlyApp"/>), so its ChatOptions.ModelId values are refs.
/// </summary>
public sealed class AddProviderBlockCodeFixTests
{
    private const string Code = """
        class Program
        {
            void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1002:"mistral/mistral-large-latest"|};
        }
        """;

    private const string FixedCode = """
        class Program
        {
            void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1004:"mistral/mistral-large-latest"|};
        }
        """;

    [Fact]
    public Task BlockStyleCatalog()
    {
        var test = new ModelRefCodeFixTest<AddProviderBlockCodeFix>(Code, FixedCode, """
            # Acme's catalog
            models:
              providers:
                acme:
                  baseUrl: https://acme.example/v1   # staging
                  api: openai-completions
                  models:
                    - id: acme-small
            agents:
              defaults:
                model: acme/acme-small

            """);
        test.FixedState.AdditionalFiles.Add((ModelRefTestSetup.CatalogPath, """
            # Acme's catalog
            models:
              providers:
                acme:
                  baseUrl: https://acme.example/v1   # staging
                  api: openai-completions
                  models:
                    - id: acme-small
                mistral:
                  baseUrl: https://api.mistral.ai/v1
                  api: openai-completions
                  apiKey: ${MISTRAL_API_KEY}
                  models:
                    - id: mistral-large-latest
            agents:
              defaults:
                model: acme/acme-small

            """));
        return test.WithCatalogOnlyApp().RunAsync();
    }

    [Fact]
    public Task Json5StyleCatalog()
    {
        var test = new ModelRefCodeFixTest<AddProviderBlockCodeFix>(Code, FixedCode, """
            {
              // LM Studio on this machine
              agents: { defaults: { model: { primary: "lmstudio/minimax-m2.1-gs32" } } },
              models: {
                mode: "merge",
                providers: {
                  lmstudio: {
                    baseUrl: "http://127.0.0.1:1234/v1",
                    apiKey: "lmstudio",
                    api: "openai-responses",
                    models: [{ id: "minimax-m2.1-gs32" }],
                  },
                },
              },
            }

            """);
        test.FixedState.AdditionalFiles.Add((ModelRefTestSetup.CatalogPath, """
            {
              // LM Studio on this machine
              agents: { defaults: { model: { primary: "lmstudio/minimax-m2.1-gs32" } } },
              models: {
                mode: "merge",
                providers: {
                  lmstudio: {
                    baseUrl: "http://127.0.0.1:1234/v1",
                    apiKey: "lmstudio",
                    api: "openai-responses",
                    models: [{ id: "minimax-m2.1-gs32" }],
                  },
                  mistral: {
                    baseUrl: "https://api.mistral.ai/v1",
                    api: "openai-completions",
                    apiKey: "${MISTRAL_API_KEY}",
                    models: [{ id: "mistral-large-latest" }],
                  },
                },
              },
            }

            """));
        return test.WithCatalogOnlyApp().RunAsync();
    }

    [Fact]
    public Task FixAll_WritesEveryMissingProviderInOneEdit()
    {
        var test = new ModelRefCodeFixTest<AddProviderBlockCodeFix>("""
            using ModelCatalog;
            class Program
            {
                static void Send([ModelRef] string model) { }

                void M(Microsoft.Extensions.AI.ChatOptions o)
                {
                    o.ModelId = {|MC1002:"mistral/mistral-large-latest"|};
                    o.ModelId = {|MC1002:"mistral/codestral-latest"|};
                    Send({|MC1002:"acme-internal/chat-1"|});
                }
            }
            """, """
            using ModelCatalog;
            class Program
            {
                static void Send([ModelRef] string model) { }

                void M(Microsoft.Extensions.AI.ChatOptions o)
                {
                    o.ModelId = {|MC1004:"mistral/mistral-large-latest"|};
                    o.ModelId = "mistral/codestral-latest";
                    Send({|MC1004:"acme-internal/chat-1"|});
                }
            }
            """, "models:\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\n");

        // One fix at a time: mistral arrives with the first model only, so the second ref becomes MC1003.
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("MC1003", DiagnosticSeverity.Warning).WithSpan(9, 21, 9, 47));
        test.FixedState.AdditionalFiles.Add((ModelRefTestSetup.CatalogPath,
            "models:\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\n" +
            "    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n" +
            "    acme-internal:\n      baseUrl: ${ACME_INTERNAL_BASE_URL}\n      api: openai-completions\n      apiKey: ${ACME_INTERNAL_API_KEY}\n      models:\n        - id: chat-1\n"));
        test.NumberOfIncrementalIterations = 2;

        // Fix All: one edit with both mistral models. (Explicit, or the batch state would inherit the MC1003 above.)
        test.BatchFixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.BatchFixedState.AdditionalReferences.AddRange(test.TestState.AdditionalReferences);
        test.BatchFixedState.AnalyzerConfigFiles.AddRange(test.TestState.AnalyzerConfigFiles);
        test.BatchFixedState.Sources.Add("""
            using ModelCatalog;
            class Program
            {
                static void Send([ModelRef] string model) { }

                void M(Microsoft.Extensions.AI.ChatOptions o)
                {
                    o.ModelId = {|MC1004:"mistral/mistral-large-latest"|};
                    o.ModelId = {|MC1004:"mistral/codestral-latest"|};
                    Send({|MC1004:"acme-internal/chat-1"|});
                }
            }
            """);
        test.BatchFixedState.AdditionalFiles.Add((ModelRefTestSetup.CatalogPath,
            "models:\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\n" +
            "    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n        - id: codestral-latest\n" +
            "    acme-internal:\n      baseUrl: ${ACME_INTERNAL_BASE_URL}\n      api: openai-completions\n      apiKey: ${ACME_INTERNAL_API_KEY}\n      models:\n        - id: chat-1\n"));
        test.NumberOfFixAllIterations = 1;
        return test.WithCatalogOnlyApp().RunAsync();
    }

    [Fact]
    public Task ReplaceMode_BuiltInProviderIsCopiedFromTheBuiltInCatalog()
    {
        var test = new ModelRefCodeFixTest<AddProviderBlockCodeFix>("""
            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1002:"MiniMax/MiniMax-M2.1"|};
            }
            """, """
            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1004:"MiniMax/MiniMax-M2.1"|};
            }
            """, "models:\n  mode: replace\n  providers: {}\n");
        test.FixedState.AdditionalFiles.Add((ModelRefTestSetup.CatalogPath,
            "models:\n  mode: replace\n  providers:\n    minimax:\n      baseUrl: https://api.minimax.io/anthropic\n      api: anthropic-messages\n      apiKey: ${MINIMAX_API_KEY}\n      authHeader: true\n      models:\n        - id: MiniMax-M2.1\n"));
        return test.WithCatalogOnlyApp().RunAsync();
    }

    [Fact]
    public Task ProjectWithoutCatalog_GetsANewModelsYaml()
    {
        var test = new ModelRefCodeFixTest<AddProviderBlockCodeFix>(Code, FixedCode, catalog: null);
        test.FixedState.AdditionalFiles.Add(("models.yaml",
            "models:\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n"));
        return test.WithCatalogOnlyApp().RunAsync();
    }
}

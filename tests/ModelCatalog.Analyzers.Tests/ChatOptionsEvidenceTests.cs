using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// Issue #13 (tests/data/cases/analyzers): a <c>ChatOptions.ModelId</c> value is a catalog ref only on evidence that it
/// targets the catalog, the free-standing MC1001 only for providers the catalog uses and never on another API's
/// argument, weak evidence at most a warning, and the <c>ModelCatalogCheckChatOptions</c> switch (README.md, "Model refs in C#").
/// </summary>
public sealed class ChatOptionsEvidenceTests
{
    /// <summary>LM Studio configured, MiniMax the primary: the catalog uses lmstudio and minimax, nothing else.</summary>
    private const string Catalog = """
        agents:
          defaults:
            model: { primary: minimax/MiniMax-M2.1 }
        models:
          providers:
            lmstudio:
              baseUrl: http://127.0.0.1:1234/v1
              api: openai-completions
              apiKey: lmstudio
              models: [{ id: minimax-m2.1-gs32 }]
        """;

    /// <summary>The seed's "Unknown model": a primary naming a provider with no block (MC0009 in models.yaml).</summary>
    private const string CatalogWithUnknownPrimary = """
        agents:
          defaults:
            model: { primary: ollama/llama3 }
        """;

    private const string Usings = "using System.Threading.Tasks;\nusing Microsoft.Extensions.AI;\nusing ModelCatalog;\n\n";

    /// <summary>
    /// Every id of ids.md in the position the table states, in a project that uses the catalog's client and the other
    /// client the id is meant for: no diagnostic at all, not even info.
    /// </summary>
    [Fact]
    public async Task Analyzers_IdsMd_IdsMeantForOtherClients_GetNoDiagnostic()
    {
        var rows = IdsMeantForOtherClients();
        Assert.Equal(14, rows.Count);
        foreach (var (id, passedAs) in rows)
        {
            var code = new StringBuilder(Usings).Append("""
                class App
                {
                    static readonly IChatClient CatalogClient = new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());

                    static async Task Run()
                    {
                        await CatalogClient.GetResponseAsync("hi", new ChatOptions { ModelId = Demo.ModelIds.Minimax.MiniMaxM2_1 });
                        var openAi = new OpenAI.OpenAIClient("key", new OpenAI.OpenAIClientOptions { Endpoint = new System.Uri("http://localhost:1234/v1") });
                        IChatClient other = openAi.GetChatClient("local-model").AsIChatClient();

                """);
            if (passedAs.Contains("GetChatClient") || passedAs.Contains("any string argument"))
            {
                code.Append("        IChatClient byName = openAi.GetChatClient(\"").Append(id).Append("\").AsIChatClient();\n");
            }

            if (passedAs.Contains("AsIChatClient") || passedAs.Contains("any string argument"))
            {
                code.Append("        IChatClient github = new Azure.AI.Inference.ChatCompletionsClient(new System.Uri(\"https://models.github.ai/inference\"), \"key\").AsIChatClient(\"")
                    .Append(id).Append("\");\n");
            }

            if (passedAs.Contains("ChatOptions"))
            {
                code.Append("        await other.GetResponseAsync(\"hi\", new ChatOptions { ModelId = \"").Append(id).Append("\" });\n")
                    .Append("        var options = new ChatOptions { ModelId = \"").Append(id).Append("\", Temperature = 0.2f };\n")
                    .Append("        await other.GetResponseAsync(\"hi\", options);\n")
                    .Append("        var later = new ChatOptions();\n")
                    .Append("        later.ModelId = \"").Append(id).Append("\";\n")
                    .Append("        await foreach (var update in other.GetStreamingResponseAsync(\"hi\", later)) { }\n");
            }

            code.Append("    }\n}\n");
            var test = new ModelRefAnalyzerTest(code.ToString(), Catalog);
            test.TestState.Sources.Add((OtherClients.Path, OtherClients.Source));
            await test.RunAsync();
        }
    }

    /// <summary>ChatOptions values of the ids.md kinds that reach no client in sight, in a project with both clients: no evidence.</summary>
    [Fact]
    public Task MixedProject_OptionsThatReachNoClientInSight_AreNotJudged() => Verify("""
        class App
        {
            static readonly IChatClient CatalogClient = new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());
            static readonly IChatClient Router = new OpenAI.OpenAIClient("key").GetChatClient("openrouter/auto").AsIChatClient();

            static ChatOptions Create(string kind) => kind switch
            {
                "gemini" => new ChatOptions { ModelId = "google/gemini-2.5-flash" },
                "grok" => new ChatOptions { ModelId = "xai/grok-3-mini" },
                _ => new ChatOptions { ModelId = "openai/gpt-5.5" },
            };
        }
        """, Catalog);

    /// <summary>The true catches of ids.md, options passed straight to a CatalogChatClient: today's id, severity and message.</summary>
    [Fact]
    public Task TrueCatches_OptionsPassedToACatalogChatClient() => Verify("""
        class App
        {
            static async Task Run(CatalogChatClient client)
            {
                await client.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"minimax/minimax-m2.1"|} });
                await client.GetResponseAsync("hi", new ChatOptions { ModelId = {|#1:"minmax/MiniMax-M2.1"|} });
                var options = new ChatOptions { ModelId = {|#2:"lmstudio/minimax-m2.1-gs33"|} };
                await client.GetResponseAsync("hi", options);
                IChatClient local = new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());
                var later = new ChatOptions();
                later.ModelId = {|#3:"ollama/llama3"|};
                await foreach (var update in local.GetStreamingResponseAsync("hi", later)) { }
                _ = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
            }
        }
        """, Catalog, TrueCatchResults(DiagnosticSeverity.Error));

    /// <summary>The same catches through dependency injection: the app registers a CatalogChatClient and nothing else.</summary>
    [Fact]
    public Task TrueCatches_ThroughDependencyInjection() => Verify("""
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            public static void Configure(IServiceCollection services) =>
                services.AddChatClient(sp => new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build()));
        }

        sealed class Assistant
        {
            private readonly IChatClient _chat;

            public Assistant(IChatClient chat) => _chat = chat;

            public async Task Run()
            {
                await _chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"minimax/minimax-m2.1"|} });
                await _chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#1:"minmax/MiniMax-M2.1"|} });
                var options = new ChatOptions { ModelId = {|#2:"lmstudio/minimax-m2.1-gs33"|} };
                await _chat.GetResponseAsync("hi", options);
                options.ModelId = {|#3:"ollama/llama3"|};
                await _chat.GetResponseAsync("hi", options);
            }
        }
        """, Catalog, TrueCatchResults(DiagnosticSeverity.Error));

    /// <summary>
    /// An injected IChatClient in a project that builds the catalog's client and another: weak evidence, at most a
    /// warning (same id and message). A near miss of a provider the catalog uses is strong evidence: still an error.
    /// </summary>
    [Fact]
    public Task WeakEvidence_IsAtMostAWarning_SameIdAndMessage() => Verify("""
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddChatClient(sp => new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build()));
                _ = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
            }
        }

        sealed class Assistant(IChatClient chat)
        {
            public async Task Run()
            {
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"ollama/llama3"|} });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#1:"openai/GPT-4o"|} });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#2:"anthropic/claude-opus"|} });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#3:"minmax/MiniMax-M2.1"|} });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = "meta-llama/Llama-3.1-8B-Instruct" });
            }
        }
        """, Catalog,
        Result("MC1002", DiagnosticSeverity.Warning, 0,
            "Model ref 'ollama/llama3' names provider 'ollama', which has no provider block and is not built in; add models.providers.ollama to models.yaml"),
        Result("MC1001", DiagnosticSeverity.Warning, 1,
            "Model ref 'openai/GPT-4o' differs only in case from catalog model 'openai/gpt-4o': model ids are case-sensitive; use 'openai/gpt-4o' or ModelIds.Openai.Gpt4o"),
        Result("MC1003", DiagnosticSeverity.Warning, 2,
            "Provider 'anthropic' has no model 'claude-opus' (did you mean 'anthropic/claude-opus-4-5' or 'anthropic/claude-opus-4-6'?); fix the ref or add { id: claude-opus } to models.providers.anthropic.models in models.yaml"),
        MinmaxResult(3));

    /// <summary>A provider the catalog uses is evidence anywhere: a primary with no provider block stays an error at every use.</summary>
    [Fact]
    public Task ProviderUsedByTheCatalog_IsEvidenceAnywhere_UnlessTheOptionsProvablyGoToAnotherClient() => Verify("""
        class App
        {
            static readonly IChatClient Other = new OpenAI.OpenAIClient("key").GetChatClient("llama3").AsIChatClient();

            static ChatOptions Create() => new ChatOptions { ModelId = {|#0:"ollama/llama3"|} };

            static ChatOptions Typo() => new ChatOptions { ModelId = {|#1:"olama/llama3"|} };

            static Task<ChatResponse> Local() => Other.GetResponseAsync("hi", new ChatOptions { ModelId = "ollama/llama3" });
        }
        """, CatalogWithUnknownPrimary,
        Result("MC1002", DiagnosticSeverity.Error, 0,
            "Model ref 'ollama/llama3' names provider 'ollama', which has no provider block and is not built in; add models.providers.ollama to models.yaml"),
        Result("MC1002", DiagnosticSeverity.Error, 1,
            "Model ref 'olama/llama3' names provider 'olama', which has no provider block and is not built in; add models.providers.olama to models.yaml"));

    /// <summary>No client in sight and no provider the catalog uses: no evidence, no diagnostic (well known or built in is not use).</summary>
    [Fact]
    public Task WithoutEvidence_NoDiagnostic() => Verify("""
        class App
        {
            static void Configure(ChatOptions options, bool local)
            {
                options.ModelId = "google/gemma-4-e2b";
                options.ModelId = "openai/gpt-5.5";
                options.ModelId = "OPENAI/gpt-4o";
                options.ModelId = "MiniMaxAI/MiniMax-M2.5";
                options.ModelId ??= local ? "qwen/qwen3-4b-2507" : "deepseek/deepseek-chat-v3-0324:free";
            }
        }
        """, TestCatalogs.Acme);

    /// <summary>Free-standing MC1001: only for a provider the catalog uses, and never as an argument to another API.</summary>
    [Fact]
    public Task FreeStandingMC1001_OnlyForUsedProviders_NeverOnAnotherApisArgument() => Verify("""
        class App
        {
            const string Primary = {|#0:"minimax/minimax-m2.1"|};
            const string Builtin = "anthropic/Claude-Opus-4-6";

            static void Run()
            {
                _ = new OpenAI.OpenAIClient("key").GetChatClient("minimax/minimax-m2.1").AsIChatClient();
                _ = new Azure.AI.Inference.ChatCompletionsClient(new System.Uri("https://models.github.ai/inference"), "key").AsIChatClient("minimax/minimax-m2.5");
                _ = new OpenAI.OpenAIClient("minimax/minimax-m2.5");
                ModelCatalog.Catalog.CreateBuilder().Build().TryResolve({|#1:"minimax/minimax-m2.5"|}, out _);
            }
        }
        """, Catalog,
        Result("MC1001", DiagnosticSeverity.Warning, 0,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"),
        Result("MC1001", DiagnosticSeverity.Warning, 1,
            "Model ref 'minimax/minimax-m2.5' differs only in case from catalog model 'minimax/MiniMax-M2.5': model ids are case-sensitive; use 'minimax/MiniMax-M2.5' or ModelIds.Minimax.MiniMaxM2_5"));

    /// <summary>A client field initialised with a CatalogChatClient is evidence; one initialised with another client is not.</summary>
    [Fact]
    public Task ClientFields_AreFollowedToTheirInitializers() => Verify("""
        class App
        {
            private readonly IChatClient _catalog = new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());
            private readonly IChatClient _router;

            App() => _router = new OpenAI.OpenAIClient("key").GetChatClient("auto").AsIChatClient();

            Task<ChatResponse> Ask() => _catalog.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"google/gemini-2.5-flash"|} });

            Task<ChatResponse> Route() => _router.GetResponseAsync("hi", new ChatOptions { ModelId = "google/gemini-2.5-flash" });
        }
        """, Catalog, Result("MC1002", DiagnosticSeverity.Error, 0, GoogleMessage));

    /// <summary>An SDK's own client class and its adapter, declared in the project.</summary>
    private const string SdkAdapter = """
        sealed class SdkChatClient : IChatClient
        {
            public Task<ChatResponse> GetResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
            public System.Collections.Generic.IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
            public object? GetService(System.Type serviceType, object? serviceKey = null) => null;
            public void Dispose() { }
        }

        static class SdkExtensions
        {
            public static IChatClient AsIChatClient(this System.Uri endpoint) => new SdkChatClient();
        }

        """;

    /// <summary>Middleware passes the origin of the client it wraps through; an adapter's own construction of its client is not another client of the app.</summary>
    [Fact]
    public Task Middleware_IsSeenThrough() => Verify(SdkAdapter + """
        sealed class Logging(IChatClient inner) : DelegatingChatClient(inner) { }

        class App
        {
            static async Task Run(IChatClient injected)
            {
                IChatClient logged = new Logging(new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build()));
                await logged.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"google/gemini-2.5-flash"|} });
                IChatClient sdk = new Logging(new SdkChatClient());
                await sdk.GetResponseAsync("hi", new ChatOptions { ModelId = "google/gemini-2.5-flash" });
                await injected.GetResponseAsync("hi", new ChatOptions { ModelId = {|#1:"google/gemini-2.5-flash"|} });
            }
        }
        """, Catalog, Result("MC1002", DiagnosticSeverity.Error, 0, GoogleMessage), Result("MC1002", DiagnosticSeverity.Warning, 1, GoogleMessage));

    /// <summary>An SDK adapter declared in the project but never called (its body builds its client) is no other client of the app.</summary>
    [Fact]
    public Task AdapterDeclaredButNotCalled_LeavesTheCatalogTheOnlyClient() => Verify("using Microsoft.Extensions.DependencyInjection;\n\n" + SdkAdapter + """
        static class Startup
        {
            public static void Configure(IServiceCollection services) =>
                services.AddChatClient(sp => new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build()));
        }

        sealed class Assistant(IChatClient chat)
        {
            public Task<ChatResponse> Run() => chat.GetResponseAsync("hi", new ChatOptions { ModelId = {|#0:"google/gemini-2.5-flash"|} });
        }
        """, Catalog, Result("MC1002", DiagnosticSeverity.Error, 0, GoogleMessage));

    private const string SwitchSource = """
        class App
        {
            static readonly IChatClient CatalogClient = new CatalogChatClient(ModelCatalog.Catalog.CreateBuilder().Build());
            static readonly IChatClient Router = new OpenAI.OpenAIClient("key").GetChatClient("auto").AsIChatClient();

            static void Configure(ChatOptions options) => options.ModelId = {|#0:"google/gemini-2.5-flash"|};

            static Task<ChatResponse> Ask() => CatalogClient.GetResponseAsync("hi", new ChatOptions { ModelId = {|#1:"minmax/MiniMax-M2.1"|} });

            static void Send([ModelRef] string model) { }

            static void Resolve() => Send({|#2:"minmax/MiniMax-M2.1"|});
        }
        """;

    /// <summary>auto (and unset): options that reach no client in sight in a project with two clients are not judged.</summary>
    [Fact]
    public Task Switch_Auto_IsTheDefault_AndJudgesOnEvidence() => Verify(SwitchSource, Catalog, "build_property.ModelCatalogCheckChatOptions = auto\n",
        System.Array.Empty<DiagnosticResult>(), MinmaxResult(1), MinmaxResult(2));

    [Fact]
    public Task Switch_Always_JudgesEveryChatOptionsValue() => Verify(SwitchSource, Catalog, "build_property.ModelCatalogCheckChatOptions = Always\n",
        null, Result("MC1002", DiagnosticSeverity.Error, 0, GoogleMessage), MinmaxResult(1), MinmaxResult(2));

    [Fact]
    public Task Switch_Never_LeavesChatOptionsAlone_ButNotModelRefPositions() => Verify(SwitchSource, Catalog, "build_property.ModelCatalogCheckChatOptions = never\n",
        null, MinmaxResult(2));

    private const string GoogleMessage =
        "Model ref 'google/gemini-2.5-flash' names provider 'google', which has no provider block and is not built in; add models.providers.google to models.yaml";

    private static DiagnosticResult MinmaxResult(int location) => Result("MC1002", DiagnosticSeverity.Error, location,
        "Model ref 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); add models.providers.minmax to models.yaml");

    /// <summary>The four true catches of ids.md at #0–#3; MC1002 with <paramref name="unknownProvider"/> severity.</summary>
    private static DiagnosticResult[] TrueCatchResults(DiagnosticSeverity unknownProvider) => new[]
    {
        Result("MC1001", DiagnosticSeverity.Warning, 0,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"),
        Result("MC1002", unknownProvider, 1,
            "Model ref 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); add models.providers.minmax to models.yaml"),
        Result("MC1003", DiagnosticSeverity.Warning, 2,
            "Provider 'lmstudio' has no model 'minimax-m2.1-gs33' (did you mean 'lmstudio/minimax-m2.1-gs32'?); fix the ref or add { id: minimax-m2.1-gs33 } to models.providers.lmstudio.models in models.yaml"),
        Result("MC1002", unknownProvider, 3,
            "Model ref 'ollama/llama3' names provider 'ollama', which has no provider block and is not built in; add models.providers.ollama to models.yaml"),
    };

    /// <summary>The rows of ids.md's table: id and "passed as" ("same" repeats the row above).</summary>
    private static List<(string Id, string PassedAs)> IdsMeantForOtherClients()
    {
        var rows = new List<(string, string)>();
        string previous = string.Empty;
        foreach (var line in CatalogVerifier.ReadShared("cases/analyzers/ids.md").Split('\n'))
        {
            if (!line.StartsWith("| `", System.StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|');
            var passedAs = cells[3].Trim();
            previous = passedAs == "same" ? previous : passedAs;
            rows.Add((cells[1].Trim().Trim('`'), previous));
        }

        return rows;
    }

    private static DiagnosticResult Result(string id, DiagnosticSeverity severity, int location, string message) =>
        new DiagnosticResult(id, severity).WithLocation(location).WithMessage(message);

    private static Task Verify(string body, string catalog, params DiagnosticResult[] expected) => Verify(body, catalog, null, null, expected);

    /// <summary>
    /// Runs the analyzer over <paramref name="body"/> (after the usual usings, next to <see cref="OtherClients"/>). With
    /// <paramref name="autoExpected"/>, also checks that leaving the switch unset gives exactly those plus the rest.
    /// </summary>
    private static async Task Verify(string body, string catalog, string? switchLine, DiagnosticResult[]? autoExpected, params DiagnosticResult[] expected)
    {
        var test = new ModelRefAnalyzerTest(Usings + body, catalog, ModelRefTestSetup.GlobalConfig + switchLine);
        test.TestState.Sources.Add((OtherClients.Path, OtherClients.Source));
        test.ExpectedDiagnostics.AddRange((autoExpected ?? System.Array.Empty<DiagnosticResult>()).Concat(expected));
        await test.RunAsync();

        if (autoExpected is not null)
        {
            var unset = new ModelRefAnalyzerTest(Usings + body, catalog);
            unset.TestState.Sources.Add((OtherClients.Path, OtherClients.Source));
            unset.ExpectedDiagnostics.AddRange(autoExpected.Concat(expected));
            await unset.RunAsync();
        }
    }
}

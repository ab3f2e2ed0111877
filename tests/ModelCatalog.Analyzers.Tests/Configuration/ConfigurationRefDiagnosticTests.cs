using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Configuration;

/// <summary>
/// Model refs in appsettings*.json (README.md, "Model refs in configuration files"): exact id, file, line/column and
/// message for each kind of path — bound to a [ModelRef] property, a key ending in ModelId, a ModelCatalogRef item.
/// </summary>
public sealed class ConfigurationRefDiagnosticTests
{
    private const string Settings = "/0/appsettings.json";

    private const string Options = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using ModelCatalog;

        public sealed class ChatSettings
        {
            [ModelRef] public string Model { get; set; } = "";
            [ModelRef] public string[] Fallbacks { get; set; } = [];
            public string Other { get; set; } = "";
            public AgentSettings Agent { get; set; } = new();
            public Dictionary<string, AgentSettings> Agents { get; set; } = new();
        }

        public sealed class AgentSettings
        {
            [ModelRef] public string? Model { get; set; }
        }

        """;

    [Fact]
    public Task Configure_BoundPaths_NestedArraysDictionariesIgnoringCase() => Verify(
        Options + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) => services.Configure<ChatSettings>(config.GetSection("Chat"));
        }
        """,
        """
        {
          // JSON with comments and trailing commas, as the configuration loader reads it
          "Logging": { "LogLevel": { "Default": "Information" } },
          "chat": {
            "Model": "minimax/minimax-m2.1",
            "Fallbacks": [ "acme/Acme-Large-2.1", "acme/acme-smal", ],
            "Other": "minimax/minimax-m2.1",
            "agent": { "MODEL": "grok-4" },
            "Agents": { "writer": { "Model": "fast" }, "critic": { "model": "anthropic/claude-opus-4-7" } },
          },
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 5, 14, "minimax/minimax-m2.1".Length + 2,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"),
        Result("MC1003", DiagnosticSeverity.Warning, 6, 43, "acme/acme-smal".Length + 2,
            "Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml"),
        Result("MC1003", DiagnosticSeverity.Warning, 8, 25, "grok-4".Length + 2,
            "'grok-4' is not a provider/model-id ref or an alias (did you mean 'xai/grok-4'?); write provider/model-id or an alias defined in agents.defaults.models"),
        Result("MC1003", DiagnosticSeverity.Warning, 9, 69, "anthropic/claude-opus-4-7".Length + 2,
            "Provider 'anthropic' has no model 'claude-opus-4-7' (did you mean 'anthropic/claude-opus-4-5' or 'anthropic/claude-opus-4-6'?); fix the ref or add { id: claude-opus-4-7 } to models.providers.anthropic.models in models.yaml"));

    [Fact]
    public Task AddOptionsBind_SectionPathWithColons() => Verify(
        Options + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) =>
                services.AddOptions<AgentSettings>().Bind(config.GetSection("Agents:Writer"));
        }
        """,
        """
        {
          "Agents": {
            "Writer": { "Model": "acme/acme-large-2.1" },
            "Critic": { "Model": "acme/acme-large-2.1" }
          }
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 3, 26, "acme/acme-large-2.1".Length + 2,
            "Model ref 'acme/acme-large-2.1' differs only in case from catalog model 'acme/Acme-Large-2.1': model ids are case-sensitive; use 'acme/Acme-Large-2.1' or ModelIds.Acme.AcmeLarge2_1"));

    [Fact]
    public Task BindConfiguration_AndAKeyHoldingAColon() => Verify(
        Options + """
        static class Startup
        {
            private const string Section = "Ai:Agent";

            public static void Add(IServiceCollection services) => services.AddOptions<AgentSettings>().BindConfiguration(Section);
        }
        """,
        """
        {
          "Ai:Agent": { "Model": "minimax/MiniMax-M2.1" },
          "AI": { "agent:model": "minimax/minimax-M2.1" }
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 3, 26, "minimax/minimax-M2.1".Length + 2,
            "Model ref 'minimax/minimax-M2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task GetAndBind_OnNestedGetSectionChains() => Verify(
        Options + """
        static class Startup
        {
            public static void Read(IConfiguration config)
            {
                var chat = config.GetSection("Services").GetRequiredSection("Chat").Get<ChatSettings>();
                var agent = new AgentSettings();
                config.GetSection("Services:Review").Bind(agent);
            }
        }
        """,
        """
        {
          "Services": {
            "Chat": { "Fallbacks": [ "acme/acme-small", "xai/grok-5" ] },
            "Review": { "Model": "minimax/Minimax-M2.1" },
            "Other": { "Model": "xai/grok-5" }
          }
        }
        """,
        Result("MC1003", DiagnosticSeverity.Warning, 3, 49, "xai/grok-5".Length + 2,
            "Provider 'xai' has no model 'grok-5' (did you mean 'xai/grok-4'?); fix the ref or add { id: grok-5 } to models.providers.xai.models in models.yaml"),
        Result("MC1001", DiagnosticSeverity.Warning, 4, 26, "minimax/Minimax-M2.1".Length + 2,
            "Model ref 'minimax/Minimax-M2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task BindWithAKey_GetOfAType_ListsAndDictionariesOfRefs() => Verify(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using ModelCatalog;

        public class BaseSettings { [ModelRef] public virtual string? Primary { get; set; } }

        public sealed class RoutingSettings : BaseSettings
        {
            public override string? Primary { get; set; }
            [ModelRef] public List<string> Chain { get; set; } = new();
            [ModelRef] public Dictionary<string, string> ByTask { get; set; } = new();
            public TimeSpan Timeout { get; set; }
        }

        static class Startup
        {
            public static void Read(IConfiguration config)
            {
                config.Bind("Routing", new RoutingSettings());
                _ = config.GetSection("Backup").Get(typeof(RoutingSettings));
            }
        }
        """,
        """
        {
          "Routing": {
            "Primary": "acme/ACME-SMALL",
            "Chain": [ "acme/acme-small", "fast", "acme/acme-smal" ],
            "ByTask": { "summarize": "xai/grok-4", "translate": "xai/Grok-4" },
            "Timeout": "00:00:30"
          },
          "Backup": { "Primary": "grok-4" }
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 3, 16, "acme/ACME-SMALL".Length + 2,
            "Model ref 'acme/ACME-SMALL' differs only in case from catalog model 'acme/acme-small': model ids are case-sensitive; use 'acme/acme-small' or ModelIds.Acme.AcmeSmall"),
        Result("MC1003", DiagnosticSeverity.Warning, 4, 43, "acme/acme-smal".Length + 2,
            "Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml"),
        Result("MC1001", DiagnosticSeverity.Warning, 5, 57, "xai/Grok-4".Length + 2,
            "Model ref 'xai/Grok-4' differs only in case from catalog model 'xai/grok-4': model ids are case-sensitive; use 'xai/grok-4' or ModelIds.Xai.Grok4"),
        Result("MC1003", DiagnosticSeverity.Warning, 8, 26, "grok-4".Length + 2,
            "'grok-4' is not a provider/model-id ref or an alias (did you mean 'xai/grok-4'?); write provider/model-id or an alias defined in agents.defaults.models"));

    [Fact]
    public Task ModelIdKeys_OfProvidersTheCatalogUses() => Verify(
        "class P { }",
        """
        {
          "Summaries": {
            "ModelId": "minimax/minimax-m2.1",
            "embeddingModelID": "minmax/MiniMax-M2.1",
            "OpenAiModelId": "openai/gpt-4O",
            "LocalModelId": "llama3",
            "Model": "minimax/minimax-m2.1"
          }
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 3, 16, "minimax/minimax-m2.1".Length + 2,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"),
        Result("MC1002", DiagnosticSeverity.Error, 4, 25, "minmax/MiniMax-M2.1".Length + 2,
            "Model ref 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); add models.providers.minmax to models.yaml"));

    [Fact]
    public Task ModelIdKeys_InSectionsOfAnotherService_AreThatServicesIds() => Verify(
        "class P { }",
        """
        {
          "OpenRouter": { "ModelId": "minimax/minimax-m2.1" },
          "Ollama": { "Chat": { "ModelId": "minimax/minimax-m2.1" } },
          "OpenRouterModelId": "minimax/minimax-m2.1",
          "open_router": { "ModelId": "minimax/minimax-m2.1" },
          "MiniMax": { "ModelId": "minimax/minimax-m2.1" },
          "Summaries": { "ModelId": "minimax/minimax-m2.1" }
        }
        """,
        Result("MC1001", DiagnosticSeverity.Warning, 6, 27, "minimax/minimax-m2.1".Length + 2,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"),
        Result("MC1001", DiagnosticSeverity.Warning, 7, 29, "minimax/minimax-m2.1".Length + 2,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task ModelIdKeys_AreNotCheckedWhenChatOptionsChecksAreOff() => VerifyFiles(
        "class P { }", TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig + "build_property.ModelCatalogCheckChatOptions = never\n",
        new[] { (Settings, "{ \"ModelId\": \"minimax/minimax-m2.1\" }") });

    [Fact]
    public Task ModelCatalogRefItems_NameThePaths() => VerifyFiles(
        "class P { }", TestCatalogs.AcmeUsingBuiltIns,
        ModelRefTestSetup.GlobalConfig + "build_property._ModelCatalogRefPaths = Chat:FallbackModel|Agents:*:Model\n",
        new[]
        {
            (Settings, """
                {
                  "Chat": { "FallbackModel": "acme/acme-large-2.1", "Model": "acme/acme-large-2.1" },
                  "Agents": [ { "Model": "fast" }, { "model": "grok" } ]
                }
                """),
        },
        Result("MC1001", DiagnosticSeverity.Warning, 2, 30, "acme/acme-large-2.1".Length + 2,
            "Model ref 'acme/acme-large-2.1' differs only in case from catalog model 'acme/Acme-Large-2.1': model ids are case-sensitive; use 'acme/Acme-Large-2.1' or ModelIds.Acme.AcmeLarge2_1"),
        Result("MC1003", DiagnosticSeverity.Warning, 3, 47, "grok".Length + 2,
            "'grok' is not a provider/model-id ref or an alias (did you mean 'xai/grok-4'?); write provider/model-id or an alias defined in agents.defaults.models"));

    [Fact]
    public Task EnvironmentSpecificFiles_AreCheckedToo() => VerifyFiles(
        Options + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) => services.Configure<AgentSettings>(config.GetSection("Agent"));
        }
        """,
        TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig,
        new[]
        {
            (Settings, "{ \"Agent\": { \"Model\": \"acme/Acme-Large-2.1\" } }"),
            ("/0/appsettings.Development.json", "{\n  \"Agent\": { \"Model\": \"acme/ACME-large-2.1\" }\n}"),
            ("/0/notappsettings.json", "{ \"Agent\": { \"Model\": \"acme/ACME-large-2.1\" } }"),
        },
        Result("MC1001", DiagnosticSeverity.Warning, 2, 23, "acme/ACME-large-2.1".Length + 2,
            "Model ref 'acme/ACME-large-2.1' differs only in case from catalog model 'acme/Acme-Large-2.1': model ids are case-sensitive; use 'acme/Acme-Large-2.1' or ModelIds.Acme.AcmeLarge2_1",
            "/0/appsettings.Development.json"));

    [Fact]
    public Task NothingBound_NoModelIdKeys_NoDiagnostics() => Verify(
        Options + """
        static class Startup
        {
            // Bound, but not to a section of this file; and an options type without [ModelRef] properties.
            public static void Add(IServiceCollection services, IConfiguration config, IConfigurationSection section)
            {
                services.Configure<ChatSettings>(section);
                services.Configure<Plain>(config.GetSection("Chat"));
            }
        }

        public sealed class Plain { public string Model { get; set; } = ""; }
        """,
        """
        {
          "Chat": { "Model": "minimax/minimax-m2.1", "Fallbacks": [ "nope" ] },
          "Model": "minimax/minimax-m2.1",
          "Models": { "Id": "minimax/minimax-m2.1" }
        }
        """);

    [Theory]
    [InlineData("false")]
    [InlineData(" False ")]
    [InlineData("no")]
    [InlineData("OFF")]
    public Task SwitchedOff_NoDiagnostics(string value) => VerifyFiles(
        Options + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) => services.Configure<AgentSettings>(config.GetSection("Agent"));
        }
        """,
        TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig + "build_property.ModelCatalogCheckConfiguration = " + value + "\n",
        new[] { (Settings, "{ \"Agent\": { \"Model\": \"acme/ACME-large-2.1\", \"ModelId\": \"acme/ACME-large-2.1\" } }") });

    [Fact]
    public Task MalformedSettings_AreLeftToTheConfigurationLoader() => Verify(
        Options + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) => services.Configure<AgentSettings>(config.GetSection("Agent"));
        }
        """,
        """
        {
          "Agent": { "Model": "acme/ACME-large-2.1" }
          "ModelId": "minimax/minimax-m2.1"
        """);

    internal static DiagnosticResult Result(string id, DiagnosticSeverity severity, int line, int column, int length, string message, string path = Settings) =>
        new DiagnosticResult(id, severity).WithSpan(path, line, column, line, column + length).WithMessage(message);

    internal static Task Verify(string source, string json, params DiagnosticResult[] expected) =>
        VerifyFiles(source, TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig, new[] { (Settings, json) }, expected);

    internal static Task VerifyFiles(string source, string? catalog, string globalConfig, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new ConfigurationRefTest(source, catalog, globalConfig, files);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

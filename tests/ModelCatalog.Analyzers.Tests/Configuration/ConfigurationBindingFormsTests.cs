using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Configuration.ConfigurationRefDiagnosticTests;

namespace ModelCatalog.Analyzers.Tests.Configuration;

/// <summary>
/// The binding forms apps write (README.md, "Model refs in configuration files"): host builders, sections held in locals
/// and readonly fields, section names from nameof and constants, the configuration root, records and init-only
/// properties, options types from referenced assemblies — each with exact id, file, line/column and message, and the
/// forms whose section cannot be told from the code binding nothing.
/// </summary>
public sealed class ConfigurationBindingFormsTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Options;
        using ModelCatalog;

        """;

    private const string Types = """
        public sealed class ChatSettings
        {
            public const string SectionName = "Ai:Chat";
            [ModelRef] public string Model { get; set; } = "";
        }

        public sealed class AgentSettings
        {
            [ModelRef] public string? Model { get; set; }
        }

        """;

    [Fact]
    public Task HostApplicationBuilder_TopLevelProgram_SectionInALocal_ConstAndNameof() => VerifyProgram(
        Usings + """
        var builder = Host.CreateApplicationBuilder(args);
        var chat = builder.Configuration.GetSection("Chat");
        builder.Services.Configure<ChatSettings>(chat);
        builder.Services.AddOptions<AgentSettings>().BindConfiguration(ChatSettings.SectionName);
        builder.Services.Configure<AgentSettings>("writer", builder.Configuration.GetSection(nameof(AgentSettings)));
        builder.Build().Run();

        """ + Types,
        """
        {
          "Chat": { "Model": "minimax/minimax-m2.1" },
          "Ai": { "Chat": { "Model": "acme/acme-large-2.1" } },
          "AgentSettings": { "Model": "grok-4" },
          "Model": "minimax/minimax-m2.1"
        }
        """,
        Case(2, 22, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1"),
        Case(3, 30, "acme/acme-large-2.1", "acme/Acme-Large-2.1", "ModelIds.Acme.AcmeLarge2_1"),
        Result("MC1003", DiagnosticSeverity.Warning, 4, 31, "grok-4".Length + 2, GrokMessage));

    [Fact]
    public Task IHostApplicationBuilderExtension_SectionChainInATypedLocal_GetOnIt() => Verify(
        Usings + Types + """
        public static class ChatExtensions
        {
            public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
            {
                IConfigurationSection chat = builder.Configuration.GetSection("Services").GetSection(nameof(ChatSettings));
                builder.Services.Configure<ChatSettings>(chat);
                var reviewer = chat.GetSection("Reviewer");
                _ = reviewer.Get<AgentSettings>();
                return builder;
            }
        }
        """,
        """
        {
          "Services": {
            "ChatSettings": {
              "Model": "acme/acme-large-2.1",
              "Reviewer": { "Model": "minimax/minimax-m2.1" }
            },
            "Reviewer": { "Model": "minimax/minimax-m2.1" }
          }
        }
        """,
        Case(4, 16, "acme/acme-large-2.1", "acme/Acme-Large-2.1", "ModelIds.Acme.AcmeLarge2_1"),
        Case(5, 30, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task ReadonlyFields_AssignedOnce_InTheInitializerOrAConstructor() => Verify(
        Usings + Types + """
        public sealed class ChatModule
        {
            private static readonly string SectionKey = "Chat";
            private readonly IConfiguration _configuration;
            private readonly IConfigurationSection _chat;

            public ChatModule(IConfiguration configuration)
            {
                _configuration = configuration;
                this._chat = configuration.GetSection(SectionKey);
            }

            public void Register(IServiceCollection services)
            {
                services.Configure<ChatSettings>(_chat);
                services.AddOptions<AgentSettings>().Bind(_configuration.GetSection("Agent"));
            }
        }
        """,
        """
        {
          "Chat": { "Model": "acme/acme-smal" },
          "Agent": { "Model": "xai/Grok-4" }
        }
        """,
        Result("MC1003", DiagnosticSeverity.Warning, 2, 22, "acme/acme-smal".Length + 2,
            "Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml"),
        Case(3, 23, "xai/Grok-4", "xai/grok-4", "ModelIds.Xai.Grok4"));

    [Fact]
    public Task SectionsNotKnownFromTheCode_BindNothing() => Verify(
        Usings + Types + """
        public sealed class Registrations
        {
            private IConfigurationSection _mutable;
            private readonly IConfigurationSection _twice;
            private readonly IConfiguration _section;

            public Registrations(IConfiguration config)
            {
                _mutable = config.GetSection("Mutable");
                _twice = config.GetSection("Twice");
                _section = config.GetSection("Held");
            }

            public Registrations(IConfiguration config, bool staging) : this(config)
            {
                _twice = config.GetSection("Twice2");
            }

            public void Add(IServiceCollection services, IConfiguration config, bool staging, IConfigurationSection given)
            {
                var chat = config.GetSection("Chat");
                if (staging)
                {
                    chat = config.GetSection("StagingChat");
                }

                services.Configure<ChatSettings>(chat);          // assigned twice
                services.Configure<ChatSettings>(_mutable);      // not readonly
                services.Configure<ChatSettings>(_twice);        // written in two constructors
                services.Configure<ChatSettings>(given);         // a section from the caller
                services.Configure<ChatSettings>(Pick(config));  // a helper's IConfiguration may be a section
                services.Configure<AgentSettings>(Section());    // a property holding a section
                foreach (var child in config.GetChildren())
                {
                    services.Configure<ChatSettings>(child);
                }

                var name = "Agent";
                name += "s";
                services.Configure<AgentSettings>(config.GetSection(name)); // key assigned twice
                IConfiguration held = config.GetSection("Held");
                Reassign(ref held);
                services.Configure<AgentSettings>(held);         // passed by ref
            }

            private static IConfiguration Pick(IConfiguration config) => config.GetSection("Picked");

            private IConfiguration Section() => _section;

            private static void Reassign(ref IConfiguration configuration) { }
        }
        """,
        """
        {
          "Model": "acme/acme-large-2.1",
          "Chat": { "Model": "acme/acme-large-2.1" },
          "StagingChat": { "Model": "acme/acme-large-2.1" },
          "Mutable": { "Model": "acme/acme-large-2.1" },
          "Twice": { "Model": "acme/acme-large-2.1" },
          "Twice2": { "Model": "acme/acme-large-2.1" },
          "Picked": { "Model": "acme/acme-large-2.1" },
          "Agent": { "Model": "acme/acme-large-2.1" },
          "Agents": { "Model": "acme/acme-large-2.1" },
          "Held": { "Model": "acme/acme-large-2.1" }
        }
        """);

    [Fact]
    public Task RootConfiguration_BindsAtTheRoot_OptionsConsumersBindNothing() => Verify(
        Usings + Types + """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config)
            {
                services.Configure<ChatSettings>(config);
                services.AddOptions<AgentSettings>();
            }
        }

        public sealed class Consumer(IOptions<AgentSettings> agent, IOptionsMonitor<AgentSettings> monitor, IOptionsSnapshot<ChatSettings> chat)
        {
            public string? Models => agent.Value.Model + monitor.CurrentValue.Model + chat.Value.Model;
        }
        """,
        """
        {
          "Model": "minimax/minimax-m2.1",
          "Chat": { "Model": "minimax/minimax-m2.1" },
          "AgentSettings": { "Model": "minimax/minimax-m2.1" }
        }
        """,
        Case(2, 12, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1"));

    /// <summary>Records (the attribute on the property, or on the parameter only), init-only and required properties, a constructor-bound class.</summary>
    private const string RecordTypes = """
        public sealed record ChatRecord([property: ModelRef] string Model, [ModelRef] string Fallback, string Other);

        public readonly record struct AgentRecord([ModelRef] string Model);

        public sealed class InitSettings
        {
            [ModelRef] public required string Model { get; init; }
            [ModelRef] public string Backup { get; init; } = "";
        }

        public sealed class ConstructedSettings
        {
            public ConstructedSettings([ModelRef] string model, string other)
            {
                Current = model;
                Other = other;
            }

            public string Current { get; }

            public string Other { get; }
        }

        """;

    private const string RecordBindings = """
        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config)
            {
                services.Configure<ChatRecord>(config.GetSection("Chat"));
                _ = config.GetSection("Agent").Get<AgentRecord>();
                _ = config.GetSection("Init").Get<InitSettings>();
                _ = config.GetSection("Constructed").Get<ConstructedSettings>();
            }
        }
        """;

    private const string RecordSettings = """
        {
          "Chat": { "model": "acme/ACME-SMALL", "Fallback": "grok-4", "Other": "grok-4" },
          "Agent": { "Model": "xai/Grok-4" },
          "Init": { "Model": "minimax/minimax-m2.1", "Backup": "acme/acme-large-2.1" },
          "Constructed": { "MODEL": "acme/acme-smal", "Other": "grok-4", "Current": "grok-4" }
        }
        """;

    private static readonly DiagnosticResult[] RecordResults =
    {
        Case(2, 22, "acme/ACME-SMALL", "acme/acme-small", "ModelIds.Acme.AcmeSmall"),
        Result("MC1003", DiagnosticSeverity.Warning, 2, 53, "grok-4".Length + 2, GrokMessage),
        Case(3, 23, "xai/Grok-4", "xai/grok-4", "ModelIds.Xai.Grok4"),
        Case(4, 22, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1"),
        Case(4, 56, "acme/acme-large-2.1", "acme/Acme-Large-2.1", "ModelIds.Acme.AcmeLarge2_1"),
        Result("MC1003", DiagnosticSeverity.Warning, 5, 29, "acme/acme-smal".Length + 2,
            "Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml"),
    };

    [Fact]
    public Task Records_InitOnly_Required_ConstructorParameters() => Verify(Usings + RecordTypes + RecordBindings, RecordSettings, RecordResults);

    [Fact]
    public Task OptionsTypesFromAReferencedAssembly_ReadFromMetadata()
    {
        var library = CSharpCompilation.Create("Settings.Library",
            new[] { CSharpSyntaxTree.ParseText("using ModelCatalog;\n" + RecordTypes, new CSharpParseOptions(LanguageVersion.Latest)) },
            Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var test = new ConfigurationRefTest(Usings + RecordBindings, TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig, ("/0/appsettings.json", RecordSettings));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        test.ExpectedDiagnostics.AddRange(RecordResults);
        return test.RunAsync();
    }

    [Fact]
    public Task TheSameFileListedTwice_IsReportedOnce()
    {
        const string Json = "{ \"Chat\": { \"Model\": \"minimax/minimax-m2.1\" } }";
        return VerifyFiles(ConfigurationRefTest.ChatBinding, TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig,
            new[]
            {
                ("/0/config/../appsettings.json", Json),
                ("/0/./appsettings.json", Json),
                ("/0/appsettings.json", Json),
                ("/0/appsettings.Development.json", Json),
            },
            Case(1, 22, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1"),
            Case(1, 22, "minimax/minimax-m2.1", "minimax/MiniMax-M2.1", "ModelIds.Minimax.MiniMaxM2_1", "/0/appsettings.Development.json"));
    }

    private const string GrokMessage =
        "'grok-4' is not a provider/model-id ref or an alias (did you mean 'xai/grok-4'?); write provider/model-id or an alias defined in agents.defaults.models";

    private static DiagnosticResult Case(int line, int column, string value, string catalogRef, string constant, string path = "/0/appsettings.json") =>
        Result("MC1001", DiagnosticSeverity.Warning, line, column, value.Length + 2,
            $"Model ref '{value}' differs only in case from catalog model '{catalogRef}': model ids are case-sensitive; use '{catalogRef}' or {constant}", path);

    private static Task VerifyProgram(string source, string json, params DiagnosticResult[] expected)
    {
        var test = new ConfigurationRefTest(source, TestCatalogs.AcmeUsingBuiltIns, ModelRefTestSetup.GlobalConfig, ("/0/appsettings.json", json));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

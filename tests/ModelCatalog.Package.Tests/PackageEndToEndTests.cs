using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>
/// The product as a new user meets it: the packed ModelCatalog package, added by id to a fresh console project from a
/// local folder feed, with a models.yaml next to the project.
/// </summary>
[Collection(SharedPackage.Name)]
public sealed class PackageEndToEndTests
{
    private const string Catalog = """
        env:
          ACME_API_KEY: ""
        agents:
          defaults:
            model: { primary: acme/acme-large, fallbacks: [minimax/MiniMax-M2.1] }
            models:
              acme/acme-large: { alias: large }
        models:
          providers:
            acme:
              baseUrl: https://api.acme.example/v1
              api: openai-completions
              apiKey: ${ACME_API_KEY}
              models:
                - { id: acme-large, name: Acme Large, cost: { input: 2, output: 8 }, contextWindow: 128000 }
            office:
              baseUrl: https://llm.office.example/v1
              api: openai-responses
              apiKey: sk-office-literal-secret-4711
              models: [{ id: office-model }]

        """;

    private const string Program = """
        using System;
        using Demo;

        Console.WriteLine("const=" + ModelIds.Acme.AcmeLarge);
        Console.WriteLine("primary=" + ModelIds.Primary + ";fallbacks=" + string.Join(",", ModelIds.Fallbacks));
        Console.WriteLine("alias=" + ModelIds.Aliases.Large);
        Console.WriteLine("builtin=" + ModelIds.Anthropic.ClaudeOpus4_6);
        Console.WriteLine("cost=" + ModelCosts.Acme.AcmeLarge.Compute(1_000_000, 500_000));
        var office = ModelProviders.Office;
        Console.WriteLine("office=" + office.IsApiKeyOmitted + "/" + (office.ApiKey ?? "null"));
        Console.WriteLine("resolve=" + GeneratedModelCatalog.Instance.Resolve("LARGE").Ref);

        """;

    private readonly PackageFixture _package;

    public PackageEndToEndTests(PackageFixture package) => _package = package;

    [Fact]
    public void WrongModelRefsInCSharpAreReportedAtTheirPositionAndConstantsBuildClean()
    {
        var app = _package.NewConsoleApp("App");
        File.WriteAllText(Path.Combine(app, "models.yaml"),
            "models:\n  providers:\n    acme: { baseUrl: \"https://acme.example/v1\", api: openai-completions, apiKey: \"${ACME_API_KEY}\", models: [{ id: acme-small }] }\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.AI;
            var a = new ChatOptions { ModelId = "minimax/minimax-m2.1" };
            var b = new ChatOptions { ModelId = "mistral/mistral-large-latest" };
            var c = new ChatOptions { ModelId = "acme/acme-smal" };
            var d = new ChatOptions { ModelId = "acme/acme-small" };
            var e = new ChatOptions { ModelId = App.ModelIds.Acme.AcmeSmall };
            System.Console.WriteLine(a.ModelId + b.ModelId + c.ModelId + d.ModelId + e.ModelId);
            using var client = new ModelCatalog.CatalogChatClient(App.GeneratedModelCatalog.Instance); // the app's only client: its ChatOptions are refs

            """);

        // One wrong ref of each kind: MC1002 fails the build; each diagnostic at its file(line,col); MC1004 is IDE/SARIF only.
        var sarif = Path.Combine(app, "build.sarif");
        var (exitCode, output) = DotNetCli.Run(app, "build --disable-build-servers -p:ErrorLog=" + sarif + "%2Cversion=2.1", _package.Packages);
        Assert.NotEqual(0, exitCode);
        var lines = Regex.Matches(output, @"Program\.cs\(\d+,\d+\): (warning|error) MC1\d{3}: [^\[]*").Select(m => m.Value.TrimEnd()).Distinct().ToArray();
        Assert.Equal(new[]
        {
            "Program.cs(2,37): warning MC1001: Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
            "Program.cs(3,37): error MC1002: Model ref 'mistral/mistral-large-latest' names provider 'mistral', which has no provider block and is not built in; add models.providers.mistral to models.yaml (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1002)",
            "Program.cs(4,37): warning MC1003: Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in models.yaml (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1003)",
        }, lines);
        Assert.DoesNotContain("MC1004", output);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS8785", output);
        var log = File.ReadAllText(sarif);
        Assert.Contains("\"ruleId\": \"MC1004\"", log);

        // Replaced by the generated constants, the project builds clean.
        File.WriteAllText(Path.Combine(app, "models.yaml"),
            "models:\n  providers:\n    acme: { baseUrl: \"https://acme.example/v1\", api: openai-completions, apiKey: \"${ACME_API_KEY}\", models: [{ id: acme-small }] }\n    mistral: { baseUrl: \"https://api.mistral.ai/v1\", api: openai-completions, apiKey: \"${MISTRAL_API_KEY}\", models: [{ id: mistral-large-latest }] }\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.AI;
            using App;
            var a = new ChatOptions { ModelId = ModelIds.Minimax.MiniMaxM2_1 };
            var b = new ChatOptions { ModelId = ModelIds.Mistral.MistralLargeLatest };
            var c = new ChatOptions { ModelId = ModelIds.Acme.AcmeSmall };
            System.Console.WriteLine(a.ModelId + b.ModelId + c.ModelId);

            """);
        var clean = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.DoesNotMatch(@"(warning|error) (MC|CS|AD)\d{4}", clean);
    }

    /// <summary>
    /// Model refs in appsettings*.json (README.md, "Model refs in configuration files"): the package's build files add the
    /// files and the ModelCatalogRef items' paths; a wrong-case ref at a bound path, under a ModelId key and at an item's
    /// path fails the build (MC1001 as an error here) at its line and column in the JSON file; the switch turns it off.
    /// </summary>
    [Fact]
    public void WrongModelRefsInAppSettings_FailTheBuildAtTheirJsonPosition()
    {
        var app = _package.NewConsoleApp("Settings");
        DotNetCli.Succeed(app, "add package Microsoft.Extensions.Options.ConfigurationExtensions --version 10.0.8", _package.Packages);
        var project = Directory.GetFiles(app, "*.csproj").Single();
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", """
              <PropertyGroup><WarningsAsErrors>$(WarningsAsErrors);MC1001</WarningsAsErrors></PropertyGroup>
              <ItemGroup>
                <ModelCatalogRef Include="Chat:FallbackModel" />
                <ModelCatalogRef Include="Agents:*:Model" />
              </ItemGroup>
            </Project>
            """));
        File.WriteAllText(Path.Combine(app, "models.yaml"), "agents:\n  defaults:\n    model: { primary: minimax/MiniMax-M2.1 }\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            System.Console.WriteLine("ok");

            public sealed class ChatSettings
            {
                [ModelCatalog.ModelRef] public string Model { get; set; } = "";
                public double Temperature { get; set; }
            }

            public static class ChatSetup
            {
                public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<ChatSettings>(configuration.GetSection("Chat"));
            }

            """);
        File.WriteAllText(Path.Combine(app, "appsettings.json"), """
            {
              // the chat model
              "Chat": {
                "Model": "minimax/minimax-m2.1",
                "Temperature": 0.2,
              },
              "Summaries": { "ModelId": "minimax/minimax-M2.5" },
              "Logging": { "LogLevel": { "Default": "minimax/minimax-m2.1" } }
            }
            """);
        File.WriteAllText(Path.Combine(app, "appsettings.Development.json"), """
            {
              "Chat": { "FallbackModel": "minimax/MINIMAX-M2.1" },
              "Agents": { "writer": { "Model": "minimax/MiniMax-m2.5" } }
            }
            """);

        var (exitCode, output) = DotNetCli.Run(app, "build --disable-build-servers", _package.Packages);
        Assert.NotEqual(0, exitCode);
        var lines = Regex.Matches(output, @"appsettings(\.Development)?\.json\(\d+,\d+\): (warning|error) MC\d{4}: [^\[]*").Select(m => m.Value.TrimEnd()).Distinct().ToArray();
        Assert.Equal(new[]
        {
            "appsettings.json(4,14): error MC1001: Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
            "appsettings.json(7,29): error MC1001: Model ref 'minimax/minimax-M2.5' differs only in case from catalog model 'minimax/MiniMax-M2.5': model ids are case-sensitive; use 'minimax/MiniMax-M2.5' or ModelIds.Minimax.MiniMaxM2_5 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
            "appsettings.Development.json(2,30): error MC1001: Model ref 'minimax/MINIMAX-M2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
            "appsettings.Development.json(3,36): error MC1001: Model ref 'minimax/MiniMax-m2.5' differs only in case from catalog model 'minimax/MiniMax-M2.5': model ids are case-sensitive; use 'minimax/MiniMax-M2.5' or ModelIds.Minimax.MiniMaxM2_5 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
        }, lines.OrderBy(l => l.StartsWith("appsettings.Development", StringComparison.Ordinal)).ThenBy(l => l, StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain("AD0001", output);

        // Switched off, the same project builds clean.
        var off = DotNetCli.Succeed(app, "build --disable-build-servers -p:ModelCatalogCheckConfiguration=false", _package.Packages);
        Assert.DoesNotMatch(@"(warning|error) (MC|AD)\d{4}", off);

        // A misspelt switch is not silently "on" or "off".
        var (misspeltExit, misspelt) = DotNetCli.Run(app, "build --disable-build-servers -p:ModelCatalogCheckConfiguration=maybe", _package.Packages);
        Assert.NotEqual(0, misspeltExit);
        Assert.Contains("ModelCatalogCheckConfiguration is 'maybe': use true (the default) or false.", misspelt);
    }

    /// <summary>
    /// Issue #13: a consumer that uses the catalog's client next to the OpenAI SDK (LM Studio, OpenRouter, GitHub Models
    /// through Microsoft.Extensions.AI.OpenAI, the real packages) builds clean; its own catalog refs in a wrong case still warn.
    /// </summary>
    [Fact]
    public void ConsumerMixingTheCatalogClientWithTheOpenAISdk_BuildsClean_AndItsMiscasedRefsStillWarn()
    {
        var app = _package.NewConsoleApp("Mixed");
        DotNetCli.Succeed(app, "add package Microsoft.Extensions.AI.OpenAI --version 10.5.0", _package.Packages);
        File.WriteAllText(Path.Combine(app, "models.yaml"), """
            agents:
              defaults:
                model: { primary: minimax/MiniMax-M2.1 }
            models:
              providers:
                lmstudio: { baseUrl: "http://127.0.0.1:1234/v1", api: openai-completions, apiKey: lmstudio, models: [{ id: minimax-m2.1-gs32 }] }

            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using OpenAI;

            IChatClient catalog = new ModelCatalog.CatalogChatClient(Mixed.GeneratedModelCatalog.Instance);
            var lmStudio = new OpenAIClient(new ApiKeyCredential("lm-studio"), new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:1234/v1") });
            var openRouter = new OpenAIClient(new ApiKeyCredential("key"), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
            IChatClient local = lmStudio.GetChatClient("google/gemma-4-e2b").AsIChatClient();
            IChatClient router = openRouter.GetChatClient("minimax/minimax-m2.1").AsIChatClient();
            var options = new ChatOptions { ModelId = "qwen/qwen3-4b-2507" };
            _ = local.GetResponseAsync("hi", options);
            _ = router.GetResponseAsync("hi", new ChatOptions { ModelId = "deepseek/deepseek-chat-v3-0324:free" });
            _ = router.GetResponseAsync("hi", new ChatOptions { ModelId = "MiniMaxAI/MiniMax-M2.5" });
            _ = catalog.GetResponseAsync("hi", new ChatOptions { ModelId = "minimax/minimax-m2.5" });
            const string Fallback = "lmstudio/MiniMax-M2.1-gs32";
            Console.WriteLine(Fallback);

            """);

        var build = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        var lines = Regex.Matches(build, @"Program\.cs\(\d+,\d+\): (warning|error) MC\d{4}: [^\[]*").Select(m => m.Value.TrimEnd()).Distinct().ToArray();
        Assert.Equal(new[]
        {
            "Program.cs(15,64): warning MC1001: Model ref 'minimax/minimax-m2.5' differs only in case from catalog model 'minimax/MiniMax-M2.5': model ids are case-sensitive; use 'minimax/MiniMax-M2.5' or ModelIds.Minimax.MiniMaxM2_5 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
            "Program.cs(16,25): warning MC1001: Model ref 'lmstudio/MiniMax-M2.1-gs32' differs only in case from catalog model 'lmstudio/minimax-m2.1-gs32': model ids are case-sensitive; use 'lmstudio/minimax-m2.1-gs32' or ModelIds.Lmstudio.MinimaxM2_1Gs32 (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc1001)",
        }, lines);
        Assert.DoesNotContain("AD0001", build);
    }

    [Fact]
    public void ProjectReferencingACatalogProjectSeesTheSameCatalogAndBuildsClean()
    {
        // The app has the catalog and lets its test project see its internals, as test projects usually do.
        var app = _package.NewConsoleApp("Shop");
        File.WriteAllText(Path.Combine(app, "models.yaml"), """
            agents: { defaults: { models: { acme/acme-small: { alias: fast } } } }
            models:
              providers:
                acme: { baseUrl: "https://acme.example/v1", api: openai-completions, apiKey: "${ACME_API_KEY}", models: [{ id: acme-small }] }

            """);
        var appProject = Path.Combine(app, "Shop.csproj");
        File.WriteAllText(appProject, File.ReadAllText(appProject).Replace("</Project>", "  <ItemGroup>\n    <InternalsVisibleTo Include=\"Shop.Tests\" />\n  </ItemGroup>\n</Project>"));

        // The test project has no models.yaml of its own, and uses refs and constants that are valid only upstream.
        var tests = _package.NewConsoleApp("Shop.Tests");
        DotNetCli.Succeed(tests, "add reference ../Shop/Shop.csproj", _package.Packages);
        File.WriteAllText(Path.Combine(tests, "Program.cs"), """
            using Microsoft.Extensions.AI;
            var catalog = Shop.GeneratedModelCatalog.Instance;
            var options = new ChatOptions { ModelId = "acme/acme-small" };
            System.Console.WriteLine(catalog.Resolve("acme/acme-small").Ref + "|" + catalog.Resolve("fast").Ref + "|" + Shop.ModelIds.Acme.AcmeSmall + "|" + options.ModelId);

            """);

        var build = DotNetCli.Succeed(tests, "build --disable-build-servers", _package.Packages);
        Assert.DoesNotMatch(@"(warning|error) (MC|CS|AD)\d{4}", build);
        var run = DotNetCli.Succeed(tests, "run --no-build", _package.Packages);
        Assert.Contains("acme/acme-small|acme/acme-small|acme/acme-small|acme/acme-small", run);

        // A ref that is wrong upstream is still reported, with the upstream catalog's did-you-mean.
        File.WriteAllText(Path.Combine(tests, "Program.cs"), """
            System.Console.WriteLine(Shop.GeneratedModelCatalog.Instance.Resolve("acme/acme-smal").Ref);

            """);
        var (_, output) = DotNetCli.Run(tests, "build --disable-build-servers", _package.Packages);
        Assert.Contains("warning MC1003: Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?)", output);
        Assert.DoesNotContain("MC1002", output);
    }

    [Fact]
    public void PackageHoldsRuntimeAnalyzersAndBuildFilesButNoGeneratorDependencies()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[]
        {
            "lib/netstandard2.0/ModelCatalog.dll", "lib/net8.0/ModelCatalog.dll",
            "analyzers/dotnet/cs/ModelCatalog.Generator.dll", "analyzers/dotnet/cs/ModelCatalog.Analyzers.dll",
            "analyzers/dotnet/cs/ModelCatalog.CodeFixes.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/ModelCatalog.props", "build/ModelCatalog.targets", "buildTransitive/ModelCatalog.props", "buildTransitive/ModelCatalog.targets",
            "README.md",
        })
        {
            Assert.Contains(expected, entries);
        }

        // One analyzers folder: generator, analyzers and code fixes load together (the analyzers use the generator's reader and ids).
        Assert.All(entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)), e => Assert.StartsWith("analyzers/dotnet/cs/", e, StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName == "ModelCatalog.nuspec").Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("id=\"Microsoft.Extensions.AI.Abstractions\"", text);
        Assert.DoesNotContain("YamlDotNet", text);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", text);
    }

    [Fact]
    public void FreshConsoleProjectGetsTheGeneratedApiDiagnosticsAndNoSecrets()
    {
        var app = _package.NewConsoleApp("Demo");
        File.WriteAllText(Path.Combine(app, "models.yaml"), Catalog);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

        // 1. It builds; the only catalog diagnostic is the literal key, at its exact position.
        var build = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        var catalogDiagnostics = Regex.Matches(build, @"models\.yaml\((\d+),(\d+)\): (\w+) (MC\d{4}): ([^\[]*)").Select(m => m.Value).Distinct().ToArray();
        Assert.Equal(new[] { "models.yaml(19,15): warning MC0006: provider 'office' has a literal apiKey; keys are never compiled in (calls will fail until it is a reference): write apiKey: ${OFFICE_API_KEY} and set that variable (https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#mc0006) " }, catalogDiagnostics);

        // 2. The generated API works at run time.
        var run = DotNetCli.Succeed(app, "run --no-build", _package.Packages);
        Assert.Contains("const=acme/acme-large", run);
        Assert.Contains("primary=acme/acme-large;fallbacks=minimax/MiniMax-M2.1", run);
        Assert.Contains("alias=acme/acme-large", run);
        Assert.Contains("builtin=anthropic/claude-opus-4-6", run);
        Assert.Contains("cost=6", run);                    // (1M × $2 + 0.5M × $8) / 1M
        Assert.Contains("office=True/null", run);
        Assert.Contains("resolve=acme/acme-large", run);

        // 3. The literal key from models.yaml is nowhere in the compiled assembly.
        var assembly = Directory.GetFiles(Path.Combine(app, "bin"), "Demo.dll", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(assembly);
        Assert.DoesNotContain("sk-office-literal-secret-4711", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("sk-office-literal-secret-4711", Encoding.Unicode.GetString(bytes));

        // 4. .globalconfig severities apply to catalog diagnostics.
        File.WriteAllText(Path.Combine(app, ".globalconfig"), "is_global = true\ndotnet_diagnostic.MC0006.severity = none\n");
        Assert.DoesNotContain("MC0006", DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages));
        File.Delete(Path.Combine(app, ".globalconfig"));

        // 5. Listing models.yaml by hand as well does not add it twice (two items would break the generator).
        var project = Directory.GetFiles(app, "*.csproj").Single();
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", "  <ItemGroup><AdditionalFiles Include=\"models.yaml\" /></ItemGroup>\n</Project>"));
        var twice = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.DoesNotContain("CS8785", twice);
        Assert.Contains("primary=acme/acme-large", DotNetCli.Succeed(app, "run --no-build", _package.Packages));

        // 6. A YAML syntax error is one MC0001 at the parser's position; code using built-in ids still compiles (no CS0103 flood).
        File.WriteAllText(Path.Combine(app, "models.yaml"), "models:\n  providers:\n    acme: { baseUrl: https://x.example, api: openai-completions\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(Demo.ModelIds.Minimax.MiniMaxM2_1);\n");
        var (exitCode, broken) = DotNetCli.Run(app, "build --disable-build-servers", _package.Packages);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"models\.yaml\(4,1\): error MC0001: models\.yaml is not valid YAML: ", broken);
        Assert.DoesNotContain("error CS", broken);
    }

    [Fact]
    public void ModelsYmlIsPickedUpAndAMissingModelCatalogFileIsMC0014()
    {
        var app = _package.NewConsoleApp("Yml");
        File.WriteAllText(Path.Combine(app, "models.yml"), "agents:\n  defaults:\n    model: minimax/MiniMax-M2.1\n    modles: {}\nmodels:\n  provders: {}\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"primary=\" + Yml.ModelIds.Primary);\n");

        // 1. models.yml is the catalog: its diagnostics name it, and its primary is generated.
        var build = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.Contains("models.yml(6,3): warning MC0002: unknown key 'provders' in models; did you mean 'providers'?", build);
        Assert.DoesNotContain("CS8785", build);
        Assert.Contains("primary=minimax/MiniMax-M2.1", DotNetCli.Succeed(app, "run --no-build", _package.Packages));

        // 2. ModelCatalogFile naming a file that does not exist is a project warning; the build still succeeds.
        var project = Directory.GetFiles(app, "*.csproj").Single();
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", "  <PropertyGroup><ModelCatalogFile>config/missing.yaml</ModelCatalogFile></PropertyGroup>\n</Project>"));
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(Yml.ModelIds.Minimax.MiniMaxM2_1);\n");
        var missing = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.Contains("warning MC0014: ModelCatalogFile names 'config/missing.yaml', which does not exist in the project", missing);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>
/// The packed package in csharp-ls (the C# language server of many Neovim, Helix, Emacs and Zed setups), driven over
/// LSP stdio as those editors do. csharp-ls 0.28 runs only Roslyn's own refactorings and compiler fixes, never those
/// of a project's analyzers (README.md, Model refs in C#): this pins that, so the README stays true, and that the
/// package's generator and analyzers do not break the server's project load.
/// </summary>
[Collection(SharedPackage.Name)]
public sealed class CsharpLsTests
{
    private const string Version = "0.28.0";

    private const string Catalog = """
        agents:
          defaults:
            model: { primary: minimax/MiniMax-M2.1 }

        """;

    // A miscased ref of the catalog's primary provider: MC1001 with two fixes, which are refactorings as well.
    private const string Program = """
        const string Model = "minimax/minimax-m2.1";
        System.Console.WriteLine(Model);

        """;

    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);

    private readonly PackageFixture _package;

    public CsharpLsTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task CodeActionsOnAModelRefLiteral_AreRoslynsOwn_NotThePackages()
    {
        var app = _package.NewConsoleApp("LspApp");
        File.WriteAllText(Path.Combine(app, "models.yaml"), Catalog);
        var programPath = Path.Combine(app, "Program.cs");
        File.WriteAllText(programPath, Program);
        var build = DotNetCli.Succeed(app, "build", _package.Packages);
        Assert.Contains("warning MC1001", build, StringComparison.Ordinal); // the analyzers are in the project

        using var server = new LspClient(InstallCsharpLs(), app);
        var root = new Uri(app + Path.DirectorySeparatorChar).AbsoluteUri;
        var uri = new Uri(programPath).AbsoluteUri;
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["capabilities"] = JsonNode.Parse("""{ "textDocument": { "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "refactor"] } } } } }"""),
        }, TimeSpan.FromMinutes(1));
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = Program },
        });

        // The caret inside the literal. The project loads in the background: ask until Roslyn's own string
        // refactoring shows that the document is analyzed with its project.
        int line = 0, character = Program.IndexOf("minimax/", StringComparison.Ordinal) + 3;
        string[] titles = Array.Empty<string>();
        var deadline = DateTime.UtcNow + LoadTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = await server.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                    ["end"] = new JsonObject { ["line"] = line, ["character"] = character },
                },
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
            }, LoadTimeout);
            titles = (result as JsonArray ?? new JsonArray()).Select(a => a?["title"]?.GetValue<string>() ?? string.Empty).ToArray();
            if (titles.Contains("Convert to raw string"))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.True(titles.Contains("Convert to raw string"),
            "csharp-ls " + Version + " never offered Roslyn's own refactorings on the literal; got [" + string.Join(", ", titles) + "]; server log:\n" + server.Log);

        // If this fails, csharp-ls now loads a project's refactorings: assert ours and apply the returned WorkspaceEdit
        // here instead, and update README.md (Model refs in C#).
        Assert.DoesNotContain(titles, t => t.Contains("MiniMax-M2.1", StringComparison.Ordinal) || t.Contains("ModelIds", StringComparison.Ordinal));
    }

    /// <summary>Installs csharp-ls from the configured NuGet sources into the fixture's temp folder (nothing global).</summary>
    private string InstallCsharpLs()
    {
        var toolPath = Path.Combine(_package.Root, "csharp-ls");
        var (exitCode, output) = DotNetCli.Run(_package.Root, $"tool install csharp-ls --version {Version} --tool-path \"{toolPath}\"", _package.Packages);
        Assert.True(exitCode == 0, "csharp-ls " + Version + " could not be installed from the configured NuGet sources (dotnet tool install):\n" + output);
        return Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
    }
}

using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>
/// The modelcatalog tool as a user installs it: ModelCatalog.Cli packed into the local feed, installed with
/// <c>dotnet tool install --tool-path</c>, run on a catalog. In the shared collection: its own pack of the tool builds the
/// same projects in Release, so it must not run while the library package is packed.
/// </summary>
[Collection(SharedPackage.Name)]
public sealed class ToolEndToEndTests
{
    private readonly PackageFixture _package;

    public ToolEndToEndTests(PackageFixture package) => _package = package;

    [Fact]
    public void Installed_tool_checks_a_catalog_and_prints_the_packaged_schema()
    {
        var cli = Path.Combine(DotNetCli.RepositoryRoot(), "generator", "ModelCatalog.Cli", "ModelCatalog.Cli.csproj");
        DotNetCli.Succeed(_package.Root, $"pack \"{cli}\" -c Release -o \"{_package.Feed}\" -p:Version={_package.Version} --disable-build-servers", packagesFolder: null);
        var tools = Path.Combine(_package.Root, "tools");
        DotNetCli.Succeed(_package.Root, $"tool install ModelCatalog.Cli --version {_package.Version} --tool-path \"{tools}\" --add-source \"{_package.Feed}\"", _package.Packages);

        var work = Path.Combine(_package.Root, "tool-check");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "models.yaml"), "agents:\n  defaults:\n    model:\n      primary: anthropic/claude-opsu-4-6\n");
        var (exitCode, output) = Run(Path.Combine(tools, "modelcatalog"), "check", work);

        Assert.Equal(1, exitCode);
        Assert.Contains("models.yaml(4,16): error MC0007: agents.defaults.model.primary 'anthropic/claude-opsu-4-6' names a model provider 'anthropic' does not have (did you mean 'anthropic/claude-opus-4-6'", output);

        // The schema the tool prints is the one the ModelCatalog package ships at schema/models.schema.json.
        var (schemaExit, schema) = Run(Path.Combine(tools, "modelcatalog"), "schema", work);
        using var package = ZipFile.OpenRead(_package.PackagePath);
        using var reader = new StreamReader(package.Entries.Single(e => e.FullName == "schema/models.schema.json").Open());
        Assert.Equal(0, schemaExit);
        Assert.Equal(reader.ReadToEnd(), schema);
    }

    [Fact]
    public void A_build_writes_the_schema_to_obj()
    {
        var app = _package.NewConsoleApp("SchemaApp");
        DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);

        using var package = ZipFile.OpenRead(_package.PackagePath);
        using var reader = new StreamReader(package.Entries.Single(e => e.FullName == "schema/models.schema.json").Open());
        Assert.Equal(reader.ReadToEnd(), File.ReadAllText(Path.Combine(app, "obj", "models.schema.json")));
    }

    private static (int ExitCode, string Output) Run(string tool, string arguments, string workingDirectory)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "modelcatalog " + arguments + " timed out");
        return (process.ExitCode, output + error.Result);
    }
}

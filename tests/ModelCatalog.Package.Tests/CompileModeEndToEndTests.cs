using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>
/// README.md, "Compile mode": with the catalog compiled into obj/…/&lt;Project&gt;.ModelCatalog.dll, the packed package gives
/// the same generated API (from that assembly, copied to the output), rebuilds it when models.yaml changes, and still
/// reports C# refs at their position and catalog errors at theirs.
/// </summary>
[Collection(SharedPackage.Name)]
public sealed class CompileModeEndToEndTests
{
    // Two models, so a threshold of 2 makes auto pick the assembly (the model count is what auto decides on).
    private const string Catalog = """
        agents:
          defaults:
            model: { primary: acme/acme-large }
        models:
          providers:
            acme:
              baseUrl: https://api.acme.example/v1
              api: openai-completions
              apiKey: ${ACME_API_KEY}
              models:
                - { id: acme-large, cost: { input: 2, output: 8 } }
                - { id: acme-small }

        """;

    private readonly PackageFixture _package;

    public CompileModeEndToEndTests(PackageFixture package) => _package = package;

    [Fact]
    public void CatalogAssemblyCarriesTheApiFollowsCatalogEditsAndKeepsDiagnostics()
    {
        var app = _package.NewConsoleApp("Big");
        var project = Directory.GetFiles(app, "*.csproj").Single();
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            "  <PropertyGroup><ModelCatalogAssemblyThreshold>2</ModelCatalogAssemblyThreshold></PropertyGroup>\n</Project>"));
        File.WriteAllText(Path.Combine(app, "models.yaml"), Catalog);
        File.WriteAllText(Path.Combine(app, "Program.cs"),
            "System.Console.WriteLine(\"const=\" + Big.ModelIds.Acme.AcmeLarge + \";primary=\" + Big.ModelIds.Primary + \";cost=\" + Big.ModelCosts.Acme.AcmeLarge.Compute(1_000_000, 0));\n");

        // 1. It builds; the generated types are in the catalog assembly (not the project's), which is copied to the output.
        DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        var catalogAssembly = Directory.GetFiles(Path.Combine(app, "obj"), "Big.ModelCatalog.dll", SearchOption.AllDirectories).Single();
        var output = Path.GetDirectoryName(Directory.GetFiles(Path.Combine(app, "bin"), "Big.dll", SearchOption.AllDirectories).Single())!;
        Assert.Contains("ModelIds", TypeNames(catalogAssembly));
        Assert.DoesNotContain("ModelIds", TypeNames(Path.Combine(output, "Big.dll")));
        Assert.True(File.Exists(Path.Combine(output, "Big.ModelCatalog.dll")));
        Assert.Contains("const=acme/acme-large;primary=acme/acme-large;cost=2", DotNetCli.Succeed(app, "run --no-build", _package.Packages));

        // 2. Editing models.yaml rebuilds the catalog assembly: a new model is there on the next build.
        File.WriteAllText(Path.Combine(app, "models.yaml"), Catalog.TrimEnd() + "\n        - { id: acme-huge }\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(\"huge=\" + Big.ModelIds.Acme.AcmeHuge);\n");
        DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.Contains("huge=acme/acme-huge", DotNetCli.Succeed(app, "run --no-build", _package.Packages));

        // 3. A wrong-case ref in C# is still reported at its position (from the project's own compilation).
        File.WriteAllText(Path.Combine(app, "Program.cs"), "var c = Big.GeneratedModelCatalog.Instance;\nSystem.Console.WriteLine(c.Resolve(\"acme/Acme-Large\").Ref);\n");
        var miscased = DotNetCli.Succeed(app, "build --disable-build-servers", _package.Packages);
        Assert.Contains("Program.cs(2,36): warning MC1001: Model ref 'acme/Acme-Large' differs only in case from catalog model 'acme/acme-large'", miscased, StringComparison.Ordinal);

        // 4. A broken catalog fails the build at the catalog position (reported by the catalog assembly's compilation).
        File.WriteAllText(Path.Combine(app, "models.yaml"), "models:\n  providers:\n    acme: { baseUrl: https://x.example, api: openai-completions\n");
        var (exitCode, broken) = DotNetCli.Run(app, "build --disable-build-servers", _package.Packages);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"models\.yaml\(4,1\): error MC0001: models\.yaml is not valid YAML: ", broken);

        // 5. A test project referencing it (granted InternalsVisibleTo) uses that catalog: the catalog assembly is referenced and copied there too.
        File.WriteAllText(Path.Combine(app, "models.yaml"), Catalog);
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", "  <ItemGroup><InternalsVisibleTo Include=\"Big.Tests\" /></ItemGroup>\n</Project>"));
        var tests = _package.NewConsoleApp("Big.Tests");
        DotNetCli.Succeed(tests, "add reference ../Big/Big.csproj", _package.Packages);
        File.WriteAllText(Path.Combine(tests, "Program.cs"), "System.Console.WriteLine(\"upstream=\" + Big.ModelIds.Primary + \"/\" + Big.GeneratedModelCatalog.Instance.Resolve(\"acme/acme-small\").Ref);\n");
        DotNetCli.Succeed(tests, "build --disable-build-servers", _package.Packages);
        Assert.Contains("upstream=acme/acme-large/acme/acme-small", DotNetCli.Succeed(tests, "run --no-build", _package.Packages));

        // 6. clean removes the catalog assembly.
        DotNetCli.Succeed(app, "clean --disable-build-servers", _package.Packages);
        Assert.Empty(Directory.GetFiles(Path.Combine(app, "obj"), "Big.ModelCatalog.dll", SearchOption.AllDirectories));
    }

    private static string[] TypeNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToArray();
    }
}

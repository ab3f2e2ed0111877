using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// README.md, "Compile mode": the catalog assembly (the project's own catalog, compiled by the same generator over a stub
/// that names the project in <c>ModelCatalog.CompiledFor</c>) makes the project's generator emit nothing, and the project
/// compiles against the very same names; and an upstream catalog whose types this project cannot reach never stops
/// generation (it would leave CS0103 behind).
/// </summary>
public sealed class CompileModeAssemblyTests
{
    private static readonly string Everything = File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml"));

    private const string UsesTypes =
        "class Program { static void Main() { System.Console.WriteLine(Demo.ModelIds.Acme.AcmeLarge2_1 + Demo.GeneratedModelCatalog.Instance.Providers.Count); } }";

    [Fact]
    public void ProjectWithItsCatalogAssemblyGeneratesNothingAndUsesTheSameNames()
    {
        // What buildTransitive/ModelCatalog.targets writes as the catalog assembly's only source (internal types + IVT).
        var catalogAssembly = CompileUpstream("Consumer.ModelCatalog", Everything, isPublic: false,
            "[assembly: System.Reflection.AssemblyMetadata(\"ModelCatalog.CompiledFor\", \"Consumer\")]\n" +
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\n");

        var project = GeneratorHarness.CreateCompilation(UsesTypes).AddReferences(catalogAssembly);
        var (output, sources) = GeneratorHarness.Run(Everything, project, ("build_property.RootNamespace", "Demo"));

        Assert.Empty(sources);
        GeneratorHarness.AssertCompilesClean(output);
    }

    [Fact]
    public void CatalogAssemblyOfAnotherProjectDoesNotStopThisProjectsOwnCatalog()
    {
        var catalogAssembly = CompileUpstream("Other.ModelCatalog", Everything, isPublic: true,
            "[assembly: System.Reflection.AssemblyMetadata(\"ModelCatalog.CompiledFor\", \"Other\")]\n");

        var project = GeneratorHarness.CreateCompilation().AddReferences(catalogAssembly);
        var (_, sources) = GeneratorHarness.Run(Everything, project, ("build_property.RootNamespace", "Mine"));

        Assert.Contains("ModelCatalog.g.cs", sources.Keys);
        Assert.Contains("namespace Mine", sources["ModelCatalog.g.cs"]);
    }

    [Fact]
    public void InternalUpstreamTypesWithoutInternalsVisibleToLeaveThisProjectGeneratingItsOwn()
    {
        var upstream = CompileUpstream("Shop", Everything, isPublic: false, extraSource: null);

        var tests = GeneratorHarness.CreateCompilation(
            "class Program { static void Main() { System.Console.WriteLine(Tests.ModelIds.Anthropic.ClaudeOpus4_6); } }").AddReferences(upstream);
        var (output, sources) = GeneratorHarness.Run(null, tests, ("build_property.RootNamespace", "Tests"));

        Assert.Contains("ModelCatalog.g.cs", sources.Keys); // the built-in catalog, as without any upstream
        GeneratorHarness.AssertCompilesClean(output);
    }

    [Fact]
    public void InternalUpstreamTypesVisibleToThisProjectAreUsed()
    {
        var upstream = CompileUpstream("Shop", Everything, isPublic: false, "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\n");

        var tests = GeneratorHarness.CreateCompilation(UsesTypes).AddReferences(upstream);
        var (output, sources) = GeneratorHarness.Run(null, tests, ("build_property.RootNamespace", "Tests"));

        Assert.Empty(sources);
        GeneratorHarness.AssertCompilesClean(output);
    }

    /// <summary>An assembly as a catalog project builds it: the generator's output for <paramref name="catalog"/> (namespace Demo) plus <paramref name="extraSource"/>.</summary>
    private static MetadataReference CompileUpstream(string assemblyName, string catalog, bool isPublic, string? extraSource)
    {
        var properties = new List<(string, string)> { ("build_property.RootNamespace", "Demo") };
        if (isPublic)
        {
            properties.Add(("build_property.ModelCatalogVisibility", "public"));
        }

        var compilation = GeneratorHarness.CreateCompilation(extraSource ?? "// nothing but the catalog")
            .WithAssemblyName(assemblyName)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var (output, sources) = GeneratorHarness.Run(catalog, compilation, properties.ToArray());
        Assert.Contains("ModelCatalog.Manifest.g.cs", sources.Keys);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}

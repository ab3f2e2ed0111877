using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// README.md, "Test projects and split libraries": a project without a catalog of its own that references a catalog project judges refs against the upstream
/// catalog: no false MC1002 for its providers, the same MC1003 did-you-mean, MC1004 naming the upstream constants.
/// </summary>
public sealed class UpstreamCatalogAnalyzerTests
{
    [Fact]
    public async Task RefsValidUpstreamAreValidInAReferencingProject()
    {
        const string Source = """
            using ModelCatalog;
            class Tests
            {
                void M(Catalog catalog)
                {
                    catalog.Resolve("acme/acme-small");
                    catalog.Resolve("fast");
                    catalog.Resolve("acme/acme-smal");
                    catalog.Resolve("nope/x");
                }
            }
            """;

        var diagnostics = await DirectAnalyzerRunner.RunAsync(Source, catalog: null, ModelRefTestSetup.RuntimeReferences().Append(Upstream(TestCatalogs.Acme)));

        Assert.Equal(new[]
        {
            "Program.cs(6,25): info MC1004: Model ref 'acme/acme-small' has a generated constant: use ModelIds.Acme.AcmeSmall",
            "Program.cs(8,25): warning MC1003: Provider 'acme' has no model 'acme-smal' (did you mean 'acme/acme-small'?); fix the ref or add { id: acme-smal } to models.providers.acme.models in the catalog of Upstream.App",
            "Program.cs(9,25): error MC1002: Model ref 'nope/x' names provider 'nope', which has no provider block and is not built in; add models.providers.nope to the catalog of Upstream.App",
        }, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(RefVerdictCaseTests.BuildLine));

        // The catalog is the referenced project's: the add-provider fix (which needs these properties) must not start a
        // second, different catalog in this project.
        var unknownProvider = Assert.Single(diagnostics, d => d.Id == "MC1002");
        Assert.False(unknownProvider.Properties.ContainsKey("Provider"));
    }

    [Fact]
    public async Task ProjectWithItsCatalogAssemblyChecksRefsAgainstItsOwnCatalogFileAndLeavesCatalogDiagnosticsToThatAssembly()
    {
        // Compile mode assembly (README.md, "Compile mode"): the project keeps its models.yaml; the catalog assembly built
        // from it is marked as compiled for this project ("Demo") and its internal types are visible to it.
        var catalogAssembly = Upstream(TestCatalogs.Acme, "Demo.ModelCatalog", isPublic: false,
            "[assembly: System.Reflection.AssemblyMetadata(\"ModelCatalog.CompiledFor\", \"Demo\")]\n[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Demo\")]\n");
        const string Source = """
            using ModelCatalog;
            class Tests
            {
                void M(Catalog catalog)
                {
                    catalog.Resolve("acme/Acme-Small");
                }
            }
            """;

        var references = ModelRefTestSetup.RuntimeReferences().Append(catalogAssembly).ToArray();
        var refDiagnostics = await DirectAnalyzerRunner.RunAsync(Source, TestCatalogs.Acme, references);
        var fileDiagnostics = await DirectAnalyzerRunner.RunAsync(Source, TestCatalogs.Acme + "  bogusKey: 1\n", references, new CatalogFileAnalyzer());
        var sourceModeFileDiagnostics = await DirectAnalyzerRunner.RunAsync(Source, TestCatalogs.Acme + "  bogusKey: 1\n", ModelRefTestSetup.RuntimeReferences(), new CatalogFileAnalyzer());

        Assert.Equal("MC1001", Assert.Single(refDiagnostics).Id); // the wrong-case ref still fails at its position
        Assert.NotEmpty(sourceModeFileDiagnostics); // the same broken catalog in source mode: reported here
        Assert.All(sourceModeFileDiagnostics, d => Assert.StartsWith("MC00", d.Id));
        Assert.Empty(fileDiagnostics); // reported by the catalog assembly's compilation, which runs whenever the catalog changes
    }

    /// <summary>The assembly a catalog project builds: its generated types and catalog manifest, exactly as the generator emits them.</summary>
    private static MetadataReference Upstream(string catalog) => Upstream(catalog, "Upstream.App", isPublic: true, extraSource: null);

    private static MetadataReference Upstream(string catalog, string assemblyName, bool isPublic, string? extraSource)
    {
        var spec = CatalogCompiler.Compile(catalog, CancellationToken.None).Spec;
        var options = new GeneratorOptions("Upstream.App", isPublic, NullableDirective: true);
        var trees = SourceEmitter.Emit(spec, options).Append(ManifestEmitter.Emit(spec, options))
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), path: s.HintName))
            .Append(CSharpSyntaxTree.ParseText(extraSource ?? string.Empty, new CSharpParseOptions(LanguageVersion.Latest), path: "Stub.cs"));
        var compilation = CSharpCompilation.Create(assemblyName, trees,
            Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}

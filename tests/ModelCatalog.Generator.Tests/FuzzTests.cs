using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelCatalog.Fuzz;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// Thousands of hostile inputs: the catalog pass never throws, reports MC0001 for every YAML text YamlDotNet rejects, reads JSON as System.Text.Json does, and
/// stays within time and allocation bounds. The same fuzzer runs long from the command line (README).
/// </summary>
public sealed class FuzzTests
{
    private static readonly FuzzInputs Inputs = new(Seeds(), TestPaths.ReadShared("catalogs/models-dev.yaml")) { LargeCatalogEvery = 250 };

    [Fact]
    public void FourThousandHostileInputsNeverCrashTheCatalogPass()
    {
        var report = CatalogFuzzer.Run(Inputs, seed: 20261125, count: 4000);
        Assert.True(report.Failures == 0, string.Join("\n", report.Samples.Select(f => $"input {f.Index} ({f.Kind}): {f.Problem}")));
        Assert.Equal(0, report.Crashes);
        Assert.True(report.WithSyntaxError > 400, "too few syntax errors reached: " + report.WithSyntaxError);
        Assert.True(report.WithOtherDiagnostics > 400, "too few validation errors reached: " + report.WithOtherDiagnostics);
        Assert.True(report.Json5 > 1000, "too few JSON5 inputs: " + report.Json5);
        Assert.True(report.Json5ComparedWithJson > 50, "too few JSON inputs compared with System.Text.Json: " + report.Json5ComparedWithJson);
    }

    [Fact]
    public void TheGeneratorItselfNeverFailsOnHostileInput()
    {
        // Through the real driver: an escaping exception would be CS8785 and drop all generated code.
        for (int i = 0; i < 150; i++)
        {
            var (_, text) = Inputs.Create(7, i * 7 + 1);
            var (output, sources) = GeneratorHarness.Run(text);
            var spec = CatalogCompiler.Compile(text, default).Spec;
            // Every provider the catalog pass kept has its file, next to the root file and the manifest that referencing
            // projects read: nothing was dropped.
            Assert.Equal(spec.Providers.Count + 2, sources.Count);
            Assert.Contains("ModelCatalog.g.cs", sources.Keys);
            Assert.Contains("ModelCatalog.Manifest.g.cs", sources.Keys);
            Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public void EveryCutOfTheLargeCatalogIsHandled()
    {
        var catalog = TestPaths.ReadShared("catalogs/litellm.yaml");
        var random = new System.Random(42);
        for (int i = 0; i < 12; i++)
        {
            var cut = catalog.Substring(0, random.Next(catalog.Length));
            var compiled = CatalogCompiler.Compile(cut, default);
            var builtIn = CatalogCompiler.BuiltInCatalogOnly.Spec;
            if (compiled.Diagnostics.Any(d => d.Id == "MC0001"))
            {
                // README: after MC0001 the built-in catalog alone is generated.
                Assert.Equal(builtIn, compiled.Spec);
                continue;
            }

            // Otherwise the cut's own providers are compiled next to the built-in ones, and only those the cut names.
            var ids = compiled.Spec.Providers.Select(p => p.Id).ToList();
            Assert.Equal(builtIn.Providers.Select(p => p.Id), ids.Take(builtIn.Providers.Count));
            Assert.True(ids.Count > builtIn.Providers.Count || !cut.Contains("\n      models:", System.StringComparison.Ordinal), "cut " + i + " (" + cut.Length + " characters) compiled none of its providers");
            Assert.All(ids.Skip(builtIn.Providers.Count), id => Assert.Contains("\n    " + id + ":", cut.Replace("\r\n", "\n"), System.StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> Seeds()
    {
        yield return File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "models.yaml"));
        yield return File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml"));
        yield return File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "json5.models.yaml"));
        yield return File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "json.models.yaml"));
        yield return TestPaths.ReadShared("cases/catalogs/f02-json5-key-without-space/models.yaml");
        yield return TestPaths.ReadShared("cases/catalogs/f03-json5-escaped-quote/models.yaml");
        foreach (var example in Directory.GetFiles(Path.Combine(TestPaths.Shared, "examples"), "*.yaml"))
        {
            yield return File.ReadAllText(example);
        }

        yield return TestPaths.ReadShared("catalogs/litellm.yaml").Substring(0, 20_000);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelCatalog.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="ModelCatalogGenerator"/> the way the compiler does, and compiles its output.</summary>
internal static class GeneratorHarness
{
    public const string CatalogPath = "/project/models.yaml";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ModelCatalog.Catalog).Assembly.Location))
            .ToArray());

    public static CSharpCompilation CreateCompilation(
        string source = "class Program { static void Main() { } }",
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        bool documentation = false)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, documentation ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        return CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "/project/Program.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: nullable, generalDiagnosticOption: ReportDiagnostic.Error));
    }

    public static GeneratorDriver CreateDriver(string? catalogText, CSharpParseOptions? parseOptions = null, params (string Key, string Value)[] properties)
    {
        var texts = catalogText is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(CatalogPath, catalogText));
        var allProperties = properties.Length == 0 ? new[] { ("build_property.RootNamespace", "Demo") } : properties;
        return CSharpGeneratorDriver.Create(
            new[] { new ModelCatalogGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new TestAnalyzerConfigOptionsProvider(allProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Generates for <paramref name="catalogText"/> and returns hint name → text, asserting the generator did not fail.</summary>
    public static (Compilation Output, IReadOnlyDictionary<string, string> Sources) Run(
        string? catalogText, CSharpCompilation? compilation = null, params (string Key, string Value)[] properties)
    {
        compilation ??= CreateCompilation();
        var driver = CreateDriver(catalogText, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, properties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics); // CS8785 etc.: the generator must never fail
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (output, result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }

    /// <summary>Every compiler diagnostic of the output (warnings are errors here: the generated code must be warning-free).</summary>
    public static void AssertCompilesClean(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
    }
}

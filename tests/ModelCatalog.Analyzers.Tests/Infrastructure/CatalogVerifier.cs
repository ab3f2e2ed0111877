using System.IO;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="CatalogFileAnalyzer"/> over a models.yaml additional file and checks the exact diagnostics.</summary>
internal static class CatalogVerifier
{
    public const string CatalogPath = "/0/models.yaml";

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new(id, severity);

    public static Task VerifyAsync(string catalog, params DiagnosticResult[] expected) => VerifyAsync(catalog, null, expected);

    public static Task VerifyAsync(string catalog, string? globalConfig, params DiagnosticResult[] expected) =>
        VerifyFileAsync(CatalogPath, catalog, globalConfig, expected);

    /// <summary>Like <see cref="VerifyAsync(string, string?, DiagnosticResult[])"/> with the catalog at <paramref name="path"/> (<c>null</c>: no catalog file).</summary>
    public static async Task VerifyFileAsync(string? path, string catalog, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<CatalogFileAnalyzer, DefaultVerifier>
        {
            TestCode = "class Program { static void Main() { } }",
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        if (path is not null)
        {
            test.TestState.AdditionalFiles.Add((path, catalog));
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Reads a file of tests/data (provenance in tests/data/README.md).</summary>
    public static string ReadShared(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "data", relativePath));

    public static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// JSON5 catalogs end to end: generated, compiled, loaded, and the runtime catalog holds exactly the values JSON5.parse
/// gives — for the handed cases (tests/data/cases/catalogs) and a catalog using every JSON5 feature.
/// </summary>
public sealed class Json5CatalogTests
{
    [Fact]
    public void F02_Json5KeyWithoutSpace_ReadsCompactKeysAsNumbers()
    {
        var catalog = Load(TestPaths.ReadShared("cases/catalogs/f02-json5-key-without-space/models.yaml"));
        var model = catalog.Resolve("acme/m1");
        Assert.True(model.Cost.IsKnown);
        Assert.Equal(0.3m, model.Cost.Input);
        Assert.Equal(1.2m, model.Cost.Output);
        Assert.Equal(32_768, model.ContextWindow);
        Assert.Equal(8_192, model.MaxTokens);
    }

    [Fact]
    public void F03_Json5EscapedQuote_InBothQuoteStyles()
    {
        var catalog = Load(TestPaths.ReadShared("cases/catalogs/f03-json5-escaped-quote/models.yaml"));
        Assert.Equal("Team's model", catalog.Resolve("acme/m1").Name);
        Assert.Equal("Ops's model", catalog.Resolve("acme/m2").Name);
    }

    [Fact]
    public void EveryJson5FeatureGivesTheValuesJson5Defines()
    {
        var catalog = Load(File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "json5.models.yaml")));
        Assert.Equal("acme/m1", catalog.Primary);
        Assert.Equal(new[] { "acme/m2" }, catalog.Fallbacks);

        var acme = catalog.GetProvider("acme");
        Assert.Equal("https://llm.acme.test/v1", acme.BaseUrl);
        Assert.Equal("${ACME_API_KEY}", acme.ApiKey);
        Assert.Equal("Team's \"catalog\" & more", acme.Headers["X-Title"]);
        Assert.Equal("one two", acme.Headers["X-Line"]);
        Assert.Equal("\u00E9\t/", acme.Headers["X_Note"]);

        var m1 = catalog.Resolve("acme/m1");
        Assert.Equal("Team's model", m1.Name);
        Assert.Equal(new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), m1.Cost);
        Assert.Equal(32_768, m1.ContextWindow);

        var m2 = catalog.Resolve("acme/m2");
        Assert.Equal("Ops's model \u00E9\uD83D\uDE00", m2.Name);
        Assert.True(m2.Reasoning);
        Assert.Equal(ModelInput.Text | ModelInput.Image, m2.Input);
        Assert.Equal(0x20000, m2.ContextWindow);
        Assert.Equal(8_192, m2.MaxTokens);

        Assert.Equal(new ModelCost(5m, 10m), catalog.Resolve("acme/m3").Cost);
    }

    [Theory]
    [InlineData("cases/catalogs/f02-json5-key-without-space/models.yaml")]
    [InlineData("cases/catalogs/f03-json5-escaped-quote/models.yaml")]
    public void HandedJson5CasesHaveNoDiagnostics(string file) =>
        Assert.Empty(CatalogCompiler.Compile(TestPaths.ReadShared(file), default).Diagnostics);

    [Fact]
    public void EveryHandedCatalogCaseIsReadWithoutSyntaxError()
    {
        var cases = Directory.GetDirectories(Path.Combine(TestPaths.Shared, "cases", "catalogs")).OrderBy(d => d, System.StringComparer.Ordinal).ToList();
        Assert.True(cases.Count >= 11);
        foreach (var folder in cases)
        {
            var compiled = CatalogCompiler.Compile(File.ReadAllText(Path.Combine(folder, "models.yaml")), default);
            Assert.True(!compiled.Diagnostics.Any(d => d.Id == "MC0001"), Path.GetFileName(folder) + ": " + string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        }
    }

    [Theory]
    [InlineData("json5.models.yaml")]
    [InlineData("json.models.yaml")]
    public void Json5AndJsonCatalogsHaveNoDiagnostics(string file) =>
        Assert.Empty(CatalogCompiler.Compile(File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", file)), default).Diagnostics);

    [Theory]
    [InlineData("{ '$schema': 'https://example.test/schema.json', models: { mode: 'merge' } }")]
    [InlineData("{ $schema: 'https://example.test/schema.json' }")]
    [InlineData("$schema: https://example.test/schema.json\nmodels:\n  mode: merge\n")]
    public void SchemaKeyAtTheRootIsIgnored(string text) => Assert.Empty(CatalogCompiler.Compile(text, default).Diagnostics);

    [Fact]
    public void TheLargeCatalogWrittenAsMinifiedJson5CompilesToTheSameCatalog()
    {
        var yaml = TestPaths.ReadShared("catalogs/models-dev.yaml");
        var json5 = MinifiedJson5(CatalogTreeReader.Read(yaml, new List<CatalogDiagnostic>(), default)!);
        Assert.StartsWith("{models:{providers:{'302ai':{baseUrl:'https://api.302.ai/v1',", json5);
        var fromYaml = CatalogCompiler.Compile(yaml, default);
        var fromJson5 = CatalogCompiler.Compile(json5, default);
        Assert.Equal(fromYaml.Spec, fromJson5.Spec);
        Assert.Equal(fromYaml.Diagnostics.Select(d => d.Id + " " + d.Message), fromJson5.Diagnostics.Select(d => d.Id + " " + d.Message));
    }

    /// <summary>The tree as JSON5.stringify writes it: no white space, identifier keys bare, strings in single quotes.</summary>
    private static string MinifiedJson5(YamlNode root) => TreeText.Write(
        root,
        ":",
        key => Regex.IsMatch(key, "^[A-Za-z_$][A-Za-z0-9_$]*$") ? key : Quoted(key),
        scalar => !scalar.IsPlain ? Quoted(scalar.Value)
            : scalar.IsNull ? "null"
            : Regex.IsMatch(scalar.Value, @"^(true|false|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)$") ? scalar.Value
            : Quoted(scalar.Value));

    private static string Quoted(string value) =>
        "'" + value.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n").Replace("\r", "\\r") + "'";

    private static Catalog Load(string catalogText)
    {
        var (output, _) = GeneratorHarness.Run(catalogText);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (Catalog)Assembly.Load(stream.ToArray()).GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
    }
}

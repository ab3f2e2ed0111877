using System.Linq;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>Which additional file is the catalog: models.yaml by default, or the file ModelCatalogFile names.</summary>
public sealed class CatalogFileSelectionTests
{
    [Theory]
    [InlineData("/src/app/models.yaml", null, true)]
    [InlineData("C:\\src\\app\\Models.YAML", null, true)]
    [InlineData("/src/app/models.yml", null, true)]
    [InlineData("C:\\src\\app\\MODELS.YML", null, true)]
    [InlineData("/src/app/models.json5", null, true)]
    [InlineData("C:\\src\\app\\Models.JSON5", null, true)]
    [InlineData("/src/app/models.json", null, false)]
    [InlineData("/src/app/agent/models.json", "agent/models.json", true)]
    [InlineData("/src/app/models.yml", "config/catalog.yaml", false)]
    [InlineData("/src/app/other.yaml", null, false)]
    [InlineData("/src/app/config/catalog.yaml", "config/catalog.yaml", true)]
    [InlineData("/src/app/config/catalog.yaml", "./config/catalog.yaml", true)]
    [InlineData("C:\\src\\app\\config\\catalog.yaml", "config\\catalog.yaml", true)]
    [InlineData("/src/app/models.yaml", "config/catalog.yaml", false)]
    [InlineData("/src/app/catalog.yaml", "/src/app/catalog.yaml", true)]
    public void SelectsTheCatalogFile(string path, string? configured, bool expected) =>
        Assert.Equal(expected, CatalogFileSelector.IsCatalog(path, configured is null ? null : configured.Replace('\\', '/')));

    [Theory]
    [InlineData("/src/app/models.yaml", null, "models.yaml")]
    [InlineData("/src/app/models.yml", null, "models.yml")]
    [InlineData("C:/src/app/config/catalog.json5", "config/catalog.json5", "config/catalog.json5")]
    [InlineData("/src/app/config/catalog.json5", "./config/catalog.json5", "config/catalog.json5")]
    public void MessagesNameTheFileAsTheProjectDoes(string path, string? configured, string expected) =>
        Assert.Equal(expected, CatalogFileSelector.DisplayName(path, configured));

    [Theory]
    [InlineData("/p/models.json5", "/p/models.yaml", false)]
    [InlineData("/p/models.yaml", "/p/models.yml", true)]
    [InlineData("/p/models.yml", "/p/models.json5", true)]
    [InlineData("/a/models.yaml", "/b/models.yaml", true)]
    [InlineData("/p/config/catalog.yaml", "/p/models.json5", false)]
    public void SeveralCandidates_TheBuildsOrderOfNamesThenThePathDecides(string path, string other, bool expected)
    {
        Assert.Equal(expected, CatalogFileSelector.Precedes(path, other));
        Assert.Equal(!expected, CatalogFileSelector.Precedes(other, path));
    }

    [Fact]
    public void GeneratorReadsModelsJson5_AndPrefersModelsYaml()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var json5 = new InMemoryAdditionalText("/p/models.json5", "{ agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } }");
        var yaml = new InMemoryAdditionalText("/p/models.yaml", "agents: { defaults: { model: minimax/MiniMax-M2.1 } }");
        string Primary(params Microsoft.CodeAnalysis.AdditionalText[] files)
        {
            var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                new[] { new ModelCatalogGenerator().AsSourceGenerator() }, files,
                optionsProvider: new TestAnalyzerConfigOptionsProvider(("build_property.RootNamespace", "Demo")));
            var root = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("ModelCatalog.g.cs")).ToString();
            return root.Split('\n').Single(line => line.Contains("public const string Primary")).Trim();
        }

        Assert.Equal("public const string Primary = \"anthropic/claude-opus-4-6\";", Primary(json5));
        Assert.Equal("public const string Primary = \"minimax/MiniMax-M2.1\";", Primary(json5, yaml));
        Assert.Equal("public const string Primary = \"minimax/MiniMax-M2.1\";", Primary(yaml, json5));
    }

    [Fact]
    public void GeneratorReadsModelsYml()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new ModelCatalogGenerator().AsSourceGenerator() },
            new Microsoft.CodeAnalysis.AdditionalText[] { new InMemoryAdditionalText("/p/models.yml", "agents: { defaults: { model: minimax/MiniMax-M2.1 } }") },
            optionsProvider: new TestAnalyzerConfigOptionsProvider(("build_property.RootNamespace", "Demo")));
        var root = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("ModelCatalog.g.cs")).ToString();
        Assert.Contains("public const string Primary = \"minimax/MiniMax-M2.1\";", root);
    }

    [Fact]
    public void GeneratorUsesTheConfiguredFile()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new ModelCatalogGenerator().AsSourceGenerator() },
            new Microsoft.CodeAnalysis.AdditionalText[]
            {
                new InMemoryAdditionalText("/p/models.yaml", "agents: { defaults: { model: anthropic/claude-opus-4-6 } }"),
                new InMemoryAdditionalText("/p/config/catalog.yaml", "agents: { defaults: { model: minimax/MiniMax-M2.1 } }"),
            },
            optionsProvider: new TestAnalyzerConfigOptionsProvider(("build_property.RootNamespace", "Demo"), ("build_property.ModelCatalogFile", "config/catalog.yaml")));
        var root = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("ModelCatalog.g.cs")).ToString();
        Assert.Contains("public const string Primary = \"minimax/MiniMax-M2.1\";", root);
    }
}

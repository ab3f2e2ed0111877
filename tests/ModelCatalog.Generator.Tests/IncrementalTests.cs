using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// The generator's caching contract: a C# edit does no catalog work (no YAML re-parse), a comment-only YAML edit
/// re-emits nothing, a real YAML edit changes the output, and no step holds a Roslyn or YamlDotNet object.
/// </summary>
public sealed class IncrementalTests
{
    private const string Catalog = "agents:\n  defaults:\n    model: minimax/MiniMax-M2.1\nmodels:\n  providers:\n    acme: { baseUrl: https://acme.example/v1, api: openai-completions, models: [{ id: a, cost: { input: 1, output: 2 } }] }\n";

    private static readonly string[] CatalogSteps = { TrackingNames.ReadCatalog, TrackingNames.BuildSpec };

    [Fact]
    public void RunningTwiceCachesEveryStep()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Catalog).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in AllTrackedSteps(result))
        {
            Assert.All(Reasons(result, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void AddingACSharpFileDoesNoCatalogWork()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Catalog).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Added { }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in CatalogSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void CommentOnlyYamlEditReparsesButEmitsNothingNew()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(GeneratorHarness.CatalogPath, Catalog);
        var driver = GeneratorHarness.CreateDriver(null).AddAdditionalTexts(ImmutableArrayOf(original)).RunGenerators(compilation);
        var before = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray();

        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.CatalogPath, "# a comment\n\n" + Catalog)).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.ReadCatalog));
        Assert.All(Reasons(result, TrackingNames.BuildSpec), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "BuildSpec was " + reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(before, driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray());
    }

    [Fact]
    public void RealYamlEditChangesTheOutput()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(GeneratorHarness.CatalogPath, Catalog);
        var driver = GeneratorHarness.CreateDriver(null).AddAdditionalTexts(ImmutableArrayOf(original)).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.CatalogPath, Catalog.Replace("input: 1,", "input: 1.5,"))).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.BuildSpec));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("\\t1.5,2,0,0\\t"));
    }

    [Fact]
    public void OptionChangeDoesNotReparseTheCatalog()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Catalog).RunGenerators(compilation);
        driver = driver.WithUpdatedAnalyzerConfigOptions(new TestAnalyzerConfigOptionsProvider(("build_property.RootNamespace", "Other"))).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ReadOptions));
        Assert.All(Reasons(result, TrackingNames.ReadCatalog), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "ReadCatalog was " + reason));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("namespace Other"));
    }

    [Fact]
    public void NoStepHoldsRoslynOrYamlObjects()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Catalog).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in CatalogSteps.Append(TrackingNames.ReadOptions).Append(TrackingNames.SelectCatalogFile))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoForbiddenObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static IEnumerable<string> AllTrackedSteps(GeneratorRunResult result) => result.TrackedSteps.Keys.Where(k => typeof(TrackingNames).GetField(k) is not null);

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static System.Collections.Immutable.ImmutableArray<AdditionalText> ImmutableArrayOf(AdditionalText text) =>
        System.Collections.Immutable.ImmutableArray.Create(text);

    private static void AssertNoForbiddenObjects(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is decimal || value is Enum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location or Diagnostic or AdditionalText ||
            type.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true,
            step + " holds a " + type.FullName);

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoForbiddenObjects(item, step, visited);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoForbiddenObjects(field.GetValue(value), step, visited);
        }
    }
}

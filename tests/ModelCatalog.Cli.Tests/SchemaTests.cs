using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Json.Schema;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Validation;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary>schema/models.schema.json: accepts every real catalog, rejects what MC0002/MC0003 reject, follows KnownKeys.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(Cli.RepositoryRoot(), "schema", "models.schema.json");

    public static IEnumerable<object[]> ValidCatalogs()
    {
        foreach (var file in Directory.GetFiles(Cli.Data("examples")).Concat(Directory.GetFiles(Cli.Data("catalogs"))).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetRelativePath(Cli.RepositoryRoot(), file) };
        }

        yield return new object[] { "models.yaml" };
    }

    [Theory]
    [MemberData(nameof(ValidCatalogs))]
    public void Real_catalogs_validate_without_a_false_error(string file)
    {
        var results = Validate(File.ReadAllText(Path.Combine(Cli.RepositoryRoot(), file)));

        Assert.True(results.IsValid, Errors(results));
    }

    /// <summary>Representative MC0002/MC0003 cases: the build reports the id, and the schema rejects the file.</summary>
    public static IEnumerable<object[]> Rejected() => new[]
    {
        new object[] { "MC0002", "models:\n  mdoe: merge\n" },
        new object[] { "MC0002", Provider("      baseURL: https://x.example\n") },
        new object[] { "MC0002", Model("          contextWindw: 1000\n") },
        new object[] { "MC0002", Model("          cost: { input: 1, outptu: 2 }\n") },
        new object[] { "MC0002", "agents:\n  defaults:\n    model: { primary: anthropic/claude-opus-4-6, fallback: [] }\n" },
        new object[] { "MC0002", "agents:\n  defaults:\n    models:\n      anthropic/claude-opus-4-6: { alais: opus }\n" },
        new object[] { "MC0003", "models:\n  mode: mrege\n" },
        new object[] { "MC0003", "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-chat\n      models: [{ id: a }]\n" },
        new object[] { "MC0003", "models:\n  providers:\n    acme:\n      baseUrl: api.acme.example/v1\n      api: openai-completions\n      models: [{ id: a }]\n" },
        new object[] { "MC0003", Model("          contextWindow: \"big\"\n") },
        new object[] { "MC0003", Model("          contextWindow: 0\n") },
        new object[] { "MC0003", Model("          maxTokens: -5\n") },
        new object[] { "MC0003", Model("          reasoning: \"yes\"\n") },
        new object[] { "MC0003", Model("          input: [text, audio]\n") },
        new object[] { "MC0003", Model("          cost: { input: -1 }\n") },
        new object[] { "MC0003", Model("          cost: { input: \"0.3\" }\n") },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void What_the_build_rejects_the_schema_rejects(string id, string catalog)
    {
        Assert.Contains(CatalogCompiler.Compile(catalog, CancellationToken.None).Diagnostics, d => d.Id == id);

        Assert.False(Validate(catalog).IsValid, "the schema accepts a catalog the build reports " + id + " for:\n" + catalog);
    }

    [Fact]
    public void Closed_key_sets_are_exactly_KnownKeys()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var definitions = schema["definitions"]!;
        AssertKeys(schema["properties"]!["models"]!, KnownKeys.Models, KnownKeys.ModelsAccepted);
        AssertKeys(definitions["provider"]!, KnownKeys.Provider, KnownKeys.ProviderAccepted);
        AssertKeys(definitions["model"]!, KnownKeys.Model, KnownKeys.ModelAccepted);
        AssertKeys(definitions["cost"]!, KnownKeys.Cost, null);
        AssertKeys(definitions["defaultModel"]!["anyOf"]![1]!, KnownKeys.DefaultModel, null);
        AssertKeys(definitions["allowEntry"]!, KnownKeys.AllowEntry, KnownKeys.AllowEntryAccepted);
        AssertKeys(definitions["secretRef"]!, KnownKeys.SecretRef, null);
        Assert.Equal(KnownKeys.ApiKinds, definitions["api"]!["enum"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    [Fact]
    public void Schema_command_prints_the_committed_bytes()
    {
        var printed = Cli.Run(Cli.TempFolder(), null, "schema");
        var folder = Cli.TempFolder();
        var written = Cli.Run(folder, null, "schema", "--out", "models.schema.json");

        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(File.ReadAllText(SchemaPath), printed.Output);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(File.ReadAllBytes(SchemaPath), File.ReadAllBytes(Path.Combine(folder, "models.schema.json")));
    }

    [Fact]
    public void Schema_allows_a_schema_key_and_ignores_unused_sections()
    {
        var results = Validate("{ \"$schema\": \"./obj/models.schema.json\", gateway: { port: 1 }, agents: { list: [{ id: a, model: \"minimax/MiniMax-M2.1\" }] } }");

        Assert.True(results.IsValid, Errors(results));
    }

    private static void AssertKeys(JsonNode closed, HashSet<string> known, HashSet<string>? accepted)
    {
        Assert.False((bool)closed["additionalProperties"]!);
        var expected = known.Concat(accepted ?? Enumerable.Empty<string>()).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(expected, closed["properties"]!.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
    }

    private static EvaluationResults Validate(string catalog) =>
        Schema.Value.Evaluate(CatalogJson.Read(catalog), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)).Take(20));

    private static string Provider(string line) =>
        "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n" + line + "      models: [{ id: a }]\n";

    private static string Model(string lines) =>
        "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: a\n" + lines;
}

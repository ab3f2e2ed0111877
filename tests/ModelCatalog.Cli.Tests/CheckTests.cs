using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>check</c> reports what the build reports (CatalogFileAnalyzer): same ids, positions, messages, severities.</summary>
public sealed class CheckTests
{
    public static IEnumerable<object[]> Catalogs()
    {
        foreach (var file in Directory.GetFiles(Cli.Data("examples")).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetRelativePath(Cli.Data(), file) };
        }

        foreach (var folder in Directory.GetDirectories(Cli.Data("cases", "catalogs")).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetRelativePath(Cli.Data(), Path.Combine(folder, "models.yaml")) };
        }

        foreach (var file in Directory.GetFiles(Cli.Data("catalogs")).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetRelativePath(Cli.Data(), file) };
        }

        yield return new object[] { Path.Combine("..", "..", "models.yaml") }; // the built-in catalog

        foreach (var (name, _) in Broken)
        {
            yield return new object[] { "broken:" + name };
        }
    }

    /// <summary>Catalogs with one error each (unknown key, wrong type, unknown model ref with a did-you-mean, bad syntax).</summary>
    internal static readonly (string Name, string Text)[] Broken =
    {
        ("unknown-key", "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      baseURL: x\n      models: [{ id: a }]\n"),
        ("wrong-type", "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: a\n          contextWindow: \"big\"\n"),
        ("unknown-model", "agents:\n  defaults:\n    model:\n      primary: anthropic/claude-opsu-4-6\n"),
        ("syntax", "models:\n  providers: [\n"),
    };

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Check_reports_exactly_the_analyzers_diagnostics(string input)
    {
        var folder = Cli.TempFolder(("models.yaml", Text(input)));
        var expected = AnalyzerDiagnostics.For(Path.Combine(folder, "models.yaml"));

        var result = Cli.Run(folder, null, "check", "models.yaml");

        var expectedLines = expected.Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return "models.yaml(" + (start.Line + 1) + "," + (start.Character + 1) + "): " + (d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? "error" : "warning") +
                   " " + d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture) + "\n";
        });
        Assert.Equal(string.Concat(expectedLines), result.Output);
        Assert.Equal(expected.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) ? 1 : 0, result.ExitCode);

        // JSON carries the same facts, with the end of each span.
        var json = JsonNode.Parse(Cli.Run(folder, null, "check", "--format", "json").Output)!["diagnostics"]!.AsArray();
        Assert.Equal(expected.Length, json.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var span = expected[i].Location.GetLineSpan();
            Assert.Equal(expected[i].Id, (string?)json[i]!["id"]);
            Assert.Equal(span.StartLinePosition.Line + 1, (int)json[i]!["line"]!);
            Assert.Equal(span.StartLinePosition.Character + 1, (int)json[i]!["column"]!);
            Assert.Equal(span.EndLinePosition.Line + 1, (int)json[i]!["endLine"]!);
            Assert.Equal(span.EndLinePosition.Character + 1, (int)json[i]!["endColumn"]!);
            Assert.Equal(expected[i].GetMessage(CultureInfo.InvariantCulture), (string?)json[i]!["message"]);
        }
    }

    [Fact]
    public void Msbuild_format_is_what_CI_log_parsers_read()
    {
        var folder = Cli.TempFolder(("models.yaml", Broken[2].Text));

        var result = Cli.Run(folder, null, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "models.yaml(4,16): error MC0007: agents.defaults.model.primary 'anthropic/claude-opsu-4-6' names a model provider 'anthropic' does not have " +
            "(did you mean 'anthropic/claude-opus-4-6' or 'anthropic/claude-opus-4-5'?); add { id: claude-opsu-4-6 } to models.providers.anthropic.models or fix the ref\n",
            result.Output);
    }

    [Fact]
    public void Warnings_fail_only_with_warnaserror()
    {
        var folder = Cli.TempFolder(("models.yaml", Broken[0].Text));

        var plain = Cli.Run(folder, null, "check");
        var strict = Cli.Run(folder, null, "check", "--warnaserror");

        Assert.StartsWith("models.yaml(6,7): warning MC0002: ", plain.Output);
        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith("models.yaml(6,7): error MC0002: ", strict.Output);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void Several_files_are_checked_in_order()
    {
        var folder = Cli.TempFolder(("a.yaml", Broken[0].Text), ("b.yaml", Broken[1].Text));

        var result = Cli.Run(folder, null, "check", "a.yaml", "b.yaml");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("a.yaml(6,7): warning MC0002:", lines[0]);
        Assert.StartsWith("b.yaml(8,26): error MC0003:", lines[1]);
    }

    [Fact]
    public void Sarif_output_is_valid_sarif_2_1_0()
    {
        var folder = Cli.TempFolder(("models.yaml", Broken[0].Text + "agents:\n  defaults:\n    model: { primary: anthropic/claude-opsu-4-6 }\n"));
        var result = Cli.Run(folder, null, "check", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);

        var results = SarifSchema().Evaluate(JsonNode.Parse(result.Output), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("\n", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        var log = JsonNode.Parse(result.Output)!;
        var first = log["runs"]![0]!["results"]![0]!;
        Assert.Equal("MC0002", (string?)first["ruleId"]);
        Assert.Equal("warning", (string?)first["level"]);
        Assert.Equal("models.yaml", (string?)first["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(6, (int)first["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal("MC0007", (string?)log["runs"]![0]!["results"]![1]!["ruleId"]);
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal("MC0002", (string?)rules[(int)first["ruleIndex"]!]!["id"]);
    }

    [Fact]
    public void Sarif_schema_rejects_a_broken_log()
    {
        // The validation above can fail: a result without a message is not SARIF.
        var broken = JsonNode.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "MC0002" } ] } ] }""");

        Assert.False(SarifSchema().Evaluate(broken).IsValid);
    }

    [Fact]
    public void Unreadable_file_and_unknown_format_exit_2_with_one_line()
    {
        var folder = Cli.TempFolder();

        var missing = Cli.Run(folder, null, "check", "nope.yaml");
        var format = Cli.Run(folder, null, "check", "--format", "xml");

        Assert.Equal((2, "", "modelcatalog: cannot read nope.yaml: no such file\n"), (missing.ExitCode, missing.Output, missing.Error));
        Assert.Equal(2, format.ExitCode);
        Assert.StartsWith("modelcatalog: ", format.Error);
        Assert.Single(format.Error.TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// The SARIF 2.1.0 schema (rtm.5, from @microsoft/jest-sarif, see tests/data/README.md). It is written for draft-04;
    /// its keywords mean the same in draft-07, which JsonSchema.Net evaluates, so only the meta-schema line is swapped.
    /// </summary>
    private static JsonSchema SarifSchema()
    {
        var text = File.ReadAllText(Cli.Data("schemas", "sarif-2.1.0-rtm.5.json"))
            .Replace("\"$schema\": \"http://json-schema.org/draft-04/schema#\"", "\"$schema\": \"http://json-schema.org/draft-07/schema#\"")
            .Replace("\"id\": \"https://raw.githubusercontent.com", "\"$id\": \"https://raw.githubusercontent.com");
        return JsonSchema.FromText(text);
    }

    private static string Text(string input) =>
        input.StartsWith("broken:", System.StringComparison.Ordinal)
            ? Broken.Single(b => b.Name == input.Substring(7)).Text
            : File.ReadAllText(Cli.Data(input));
}

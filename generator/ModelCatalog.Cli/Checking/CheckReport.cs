using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using ModelCatalog.Analyzers.Diagnostics;

namespace ModelCatalog.Cli.Checking;

/// <summary>
/// Prints <c>check</c> results: MSBuild's canonical error format (<c>file(line,col): error MC0007: message</c>, which
/// CI log parsers pick up), JSON, or SARIF 2.1.0. Lines and columns are 1-based, as MSBuild and SARIF count them.
/// </summary>
internal static class CheckReport
{
    public static string MSBuild(IEnumerable<CheckedFile> files, bool warningsAsErrors)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                var start = diagnostic.Location.GetLineSpan().StartLinePosition;
                text.Append(file.Path).Append('(').Append(start.Line + 1).Append(',').Append(start.Character + 1).Append("): ")
                    .Append(Level(diagnostic, warningsAsErrors)).Append(' ').Append(diagnostic.Id).Append(": ")
                    .Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary><c>{ "diagnostics": [ { file, id, severity, line, column, endLine, endColumn, message, helpUri } ] }</c>.</summary>
    public static string Json(IEnumerable<CheckedFile> files, bool warningsAsErrors) => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("diagnostics");
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                var span = diagnostic.Location.GetLineSpan();
                writer.WriteStartObject();
                writer.WriteString("file", file.Path);
                writer.WriteString("id", diagnostic.Id);
                writer.WriteString("severity", Level(diagnostic, warningsAsErrors));
                writer.WriteNumber("line", span.StartLinePosition.Line + 1);
                writer.WriteNumber("column", span.StartLinePosition.Character + 1);
                writer.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                writer.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
                writer.WriteString("message", diagnostic.GetMessage(CultureInfo.InvariantCulture));
                writer.WriteString("helpUri", diagnostic.Descriptor.HelpLinkUri);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>A SARIF 2.1.0 log with one run: the tool's rules (every catalog descriptor) and one result per diagnostic.</summary>
    public static string Sarif(IEnumerable<CheckedFile> files, bool warningsAsErrors) => JsonOutput.Write(writer =>
    {
        var rules = DiagnosticDescriptors.CatalogDescriptors.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToList();
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "modelcatalog");
        writer.WriteString("informationUri", "https://github.com/modelcatalog/ModelCatalog");
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteString("helpUri", rule.HelpLinkUri);
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                var span = diagnostic.Location.GetLineSpan();
                writer.WriteStartObject();
                writer.WriteString("ruleId", diagnostic.Id);
                writer.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == diagnostic.Id));
                writer.WriteString("level", Level(diagnostic, warningsAsErrors));
                writer.WriteStartObject("message");
                writer.WriteString("text", diagnostic.GetMessage(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", file.Path.Replace('\\', '/'));
                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", span.StartLinePosition.Line + 1);
                writer.WriteNumber("startColumn", span.StartLinePosition.Character + 1);
                writer.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                writer.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Whether the results fail the check: an error, or a warning when warnings count as errors.</summary>
    public static bool Fails(IEnumerable<CheckedFile> files, bool warningsAsErrors) =>
        files.SelectMany(f => f.Diagnostics).Any(d => Level(d, warningsAsErrors) == "error");

    private static string Level(Diagnostic diagnostic, bool warningsAsErrors) =>
        diagnostic.Severity == DiagnosticSeverity.Error || (warningsAsErrors && diagnostic.Severity == DiagnosticSeverity.Warning) ? "error"
        : diagnostic.Severity == DiagnosticSeverity.Warning ? "warning" : "note";
}

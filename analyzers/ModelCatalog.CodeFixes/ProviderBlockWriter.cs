using System.Collections.Generic;
using System.Threading;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;
using ModelCatalog.Generator.Validation;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Inserts provider blocks under <c>models.providers</c> of a models.yaml text and leaves every other character as it
/// was: comments, order, quoting. Block-style files get block YAML at the existing indentation; JSON5/flow-style files
/// get a flow entry, one entry per line when the file is written that way. Missing <c>models</c> or <c>providers</c>
/// keys are created. Returns <c>null</c> for a file that cannot be read (MC0001) or whose <c>models.providers</c> is
/// not a mapping: rewriting such a file would be a guess.
/// </summary>
internal static class ProviderBlockWriter
{
    private static readonly string[] ModelsYamlPath = { "models", "providers" };

    // OpenClaw's per-agent models.json keeps its providers at the root: adding a `models` key there would make the file
    // a models.yaml and hide every provider it has.
    private static readonly string[] ModelsJsonPath = { "providers" };

    public static string? Insert(string text, IReadOnlyList<ProviderBlock> blocks, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return null;
        }

        var diagnostics = new List<CatalogDiagnostic>();
        var root = CatalogTreeReader.Read(text, diagnostics, cancellationToken);
        if (diagnostics.Exists(static d => d.Id == DiagnosticIds.InvalidSyntax))
        {
            return null;
        }

        var layout = YamlLayout.Detect(text, root);
        if (root is null)
        {
            // Empty or comment-only file: append a fresh block document.
            var separator = text.Length == 0 || text.EndsWith("\n", System.StringComparison.Ordinal) ? "" : layout.NewLine;
            return text + separator + BlockStyleWriter.Entries((YamlOutput.Map)YamlOutput.Providers(blocks, ModelsYamlPath), 0, layout);
        }

        if (root is not YamlMapping mapping)
        {
            return null;
        }

        var path = CatalogDocumentReader.IsModelsJson(mapping) ? ModelsJsonPath : ModelsYamlPath;
        for (int depth = 0; depth < path.Length; depth++)
        {
            var entry = mapping.Find(path[depth]);
            if (entry is null)
            {
                return InsertEntries(layout, mapping, (YamlOutput.Map)YamlOutput.Providers(blocks, Tail(path, depth)));
            }

            var value = entry.Value.Value;
            if (value is YamlMapping { Entries.Count: > 0 } child)
            {
                mapping = child;
                continue;
            }

            if (value is YamlMapping or YamlScalar { IsNull: true })
            {
                return ReplaceEmptyValue(layout, mapping, entry.Value.Key, value, YamlOutput.Providers(blocks, Tail(path, depth + 1)));
            }

            return null;
        }

        return InsertEntries(layout, mapping, (YamlOutput.Map)YamlOutput.Providers(blocks, System.Array.Empty<string>()));
    }

    private static string[] Tail(string[] path, int from)
    {
        var tail = new string[path.Length - from];
        System.Array.Copy(path, from, tail, 0, tail.Length);
        return tail;
    }

    /// <summary>
    /// Adds the entries of <paramref name="output"/> after the last entry of <paramref name="mapping"/> in its style (an
    /// empty flow mapping gets them inside). Shared with the CLI's catalog editor.
    /// </summary>
    internal static string InsertEntries(YamlLayout layout, YamlMapping mapping, YamlOutput.Map output)
    {
        var text = layout.Text;
        if (mapping.Entries.Count == 0)
        {
            return text.Remove(mapping.Range.Start, mapping.Range.Length)
                .Insert(mapping.Range.Start, FlowStyleWriter.Value(output, layout.LineIndent(mapping.Range.Start), multiLine: false, layout));
        }

        var entries = output.Entries;
        var last = mapping.Entries[mapping.Entries.Count - 1];
        int lastEnd = EndOf(last.Key, last.Value);
        int firstKey = mapping.Entries[0].Key.Range.Start;

        if (layout.IsFlow(mapping))
        {
            bool multiLine = !layout.SameLine(mapping.Range.Start, firstKey);
            int comma = layout.CommaAfter(lastEnd);
            if (!multiLine)
            {
                var inline = new System.Text.StringBuilder();
                foreach (var entry in entries)
                {
                    inline.Append(", ").Append(FlowStyleWriter.Entry(entry.Key, entry.Value, 0, multiLine: false, layout));
                }

                return text.Insert(lastEnd, inline.ToString());
            }

            int indent = layout.Column(firstKey);
            bool trailing = comma >= 0;
            var lines = new System.Text.StringBuilder();
            for (int i = 0; i < entries.Count; i++)
            {
                lines.Append(i == 0 && !trailing ? "," : "").Append(layout.NewLine).Append(' ', indent)
                     .Append(FlowStyleWriter.Entry(entries[i].Key, entries[i].Value, indent, multiLine: true, layout));
                if (trailing || i < entries.Count - 1)
                {
                    lines.Append(',');
                }
            }

            return text.Insert(trailing ? comma + 1 : lastEnd, lines.ToString());
        }

        // Block style: the new lines go right after the line that ends the mapping's last entry.
        int column = layout.Column(firstKey);
        int insertAt = AfterLine(text, lastEnd, out var prefix, layout.NewLine);
        return text.Insert(insertAt, prefix + BlockStyleWriter.Entries(output, column, layout));
    }

    /// <summary>Replaces an empty value (<c>providers:</c>, <c>providers: {}</c>, <c>models: ~</c>) by the new content.</summary>
    private static string ReplaceEmptyValue(YamlLayout layout, YamlMapping parent, YamlKey key, YamlNode value, YamlOutput output)
    {
        var text = layout.Text;
        if (layout.IsFlow(parent))
        {
            bool multiLine = !layout.SameLine(parent.Range.Start, parent.Range.End - 1);
            var replacement = FlowStyleWriter.Value(output, layout.LineIndent(key.Range.Start), multiLine, layout);
            return text.Remove(value.Range.Start, value.Range.Length).Insert(value.Range.Start, replacement);
        }

        // Block parent: drop the empty value (and the blanks before it), then write the nested block under the key.
        int removeFrom = value.Range.Start;
        while (value.Range.Length > 0 && removeFrom > key.Range.End && text[removeFrom - 1] is ' ' or '\t')
        {
            removeFrom--;
        }

        int lineEnd = AfterLine(text, EndOf(key, value), out var prefix, layout.NewLine);
        var nested = prefix + BlockStyleWriter.Entries((YamlOutput.Map)output, layout.Column(key.Range.Start) + layout.IndentUnit, layout);
        var withBlock = text.Insert(lineEnd, nested);
        return value.Range.Length > 0 ? withBlock.Remove(removeFrom, value.Range.End - removeFrom) : withBlock;
    }

    /// <summary>Where an entry ends: an empty (null) value has no text, and the parser may place it on the next line.</summary>
    internal static int EndOf(YamlKey key, YamlNode value) =>
        value.Range.Length > 0 ? System.Math.Max(key.Range.End, value.Range.End) : key.Range.End;

    /// <summary>The start of the line after <paramref name="offset"/>; at the end of a file without a final line break, a break is prefixed.</summary>
    internal static int AfterLine(string text, int offset, out string prefix, string newLine)
    {
        prefix = string.Empty;
        if (offset > 0 && text[offset - 1] == '\n')
        {
            return offset; // a block scalar's range already ends after its line break
        }

        int newline = text.IndexOf('\n', offset);
        if (newline >= 0)
        {
            return newline + 1;
        }

        prefix = newLine;
        return text.Length;
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using ModelCatalog.CodeFixes;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Cli.Editing;

/// <summary>
/// Edits values of a catalog text in place, leaving every other character as it was (comments, order, quoting,
/// block YAML or JSON5 flow style). New text is laid out with the MC1002 code fix's writers (YamlLayout,
/// BlockStyleWriter, FlowStyleWriter, YamlScalarText), so what the tool writes looks like what the IDE writes.
/// Each operation re-reads the text: positions always come from the current tree.
/// </summary>
internal sealed class CatalogTextEditor
{
    private readonly string _fileName;

    /// <param name="text">The catalog text.</param>
    /// <param name="fileName">The file's name, for the reader's messages.</param>
    public CatalogTextEditor(string text, string fileName)
    {
        Text = text;
        _fileName = fileName;
    }

    public string Text { get; private set; }

    /// <summary>The node at <paramref name="path"/> (mapping keys), or <c>null</c>.</summary>
    public YamlNode? Find(IReadOnlyList<string> path)
    {
        YamlNode? node = Root();
        foreach (var key in path)
        {
            if (node is not YamlMapping mapping || mapping.Find(key) is not { } entry)
            {
                return null;
            }

            node = entry.Value;
        }

        return node;
    }

    /// <summary>Sets the value at <paramref name="path"/>: replaces it when present, else creates the missing keys.</summary>
    public void Put(IReadOnlyList<string> path, YamlOutput value)
    {
        var root = Root();
        var layout = YamlLayout.Detect(Text, root);
        if (root is null)
        {
            var separator = Text.Length == 0 || Text.EndsWith("\n", StringComparison.Ordinal) ? "" : layout.NewLine;
            Text = Text + separator + BlockStyleWriter.Entries(Nest(path, 0, value), 0, layout);
            return;
        }

        var mapping = root as YamlMapping ?? throw Unsupported("the file's root is not a mapping");
        for (int depth = 0; depth < path.Count; depth++)
        {
            if (mapping.Find(path[depth]) is not { } entry)
            {
                Text = ProviderBlockWriter.InsertEntries(layout, mapping, Nest(path, depth, value));
                return;
            }

            if (depth == path.Count - 1)
            {
                Text = ReplaceValue(layout, mapping, entry.Key, entry.Value, value);
                return;
            }

            if (entry.Value is YamlMapping { Entries.Count: > 0 } child)
            {
                mapping = child;
            }
            else if (entry.Value is YamlMapping or YamlScalar { IsNull: true })
            {
                Text = ReplaceValue(layout, mapping, entry.Key, entry.Value, Nest(path, depth + 1, value));
                return;
            }
            else
            {
                throw Unsupported(string.Join(".", Take(path, depth + 1)) + " is " + entry.Value.KindName + ", not a mapping");
            }
        }
    }

    /// <summary>Appends a string to the sequence at <paramref name="path"/> (created when missing).</summary>
    public void Append(IReadOnlyList<string> path, string item)
    {
        var node = Find(path);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            var sequence = new YamlOutput.Sequence();
            sequence.Items.Add(new YamlOutput.Scalar(item, isString: true));
            Put(path, sequence);
            return;
        }

        var list = node as YamlSequence ?? throw Unsupported(string.Join(".", path) + " is " + node.KindName + ", not a list");
        var layout = YamlLayout.Detect(Text, Root());
        if (layout.IsFlow(list))
        {
            var written = YamlScalarText.Flow(item);
            if (list.Items.Count == 0)
            {
                Text = Text.Insert(list.Range.Start + 1, written);
                return;
            }

            var last = list.Items[list.Items.Count - 1];
            bool multiLine = !layout.SameLine(list.Range.Start, last.Range.Start);
            int comma = layout.CommaAfter(last.Range.End);
            if (multiLine)
            {
                var line = layout.NewLine + new string(' ', layout.Column(last.Range.Start)) + written;
                Text = comma >= 0 ? Text.Insert(comma + 1, line + ",") : Text.Insert(last.Range.End, "," + line);
            }
            else
            {
                Text = Text.Insert(last.Range.End, ", " + written);
            }

            return;
        }

        // Block list: a new "- item" line after the last item, at its dash's column.
        var lastItem = list.Items[list.Items.Count - 1];
        int dash = Text.LastIndexOf('-', lastItem.Range.Start);
        int insertAt = AfterLine(Text, lastItem.Range.End, out var prefix, layout.NewLine);
        Text = Text.Insert(insertAt, prefix + new string(' ', layout.Column(dash)) + "- " + YamlScalarText.Block(item) + layout.NewLine);
    }

    /// <summary>Removes item <paramref name="index"/> of the sequence at <paramref name="path"/>, or the entry <paramref name="key"/> of the mapping there.</summary>
    public void Remove(IReadOnlyList<string> path, int index)
    {
        var node = Find(path) ?? throw Unsupported(string.Join(".", path) + " is not in the file");
        var layout = YamlLayout.Detect(Text, Root());
        var ranges = new List<TextRange>();
        if (node is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                int start = layout.IsFlow(sequence) ? item.Range.Start : Text.LastIndexOf('-', item.Range.Start);
                ranges.Add(TextRange.FromBounds(start, item.Range.End));
            }
        }
        else if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                ranges.Add(TextRange.FromBounds(entry.Key.Range.Start, EndOf(entry.Key, entry.Value)));
            }
        }

        if (ranges.Count == 1)
        {
            // The last item: the container becomes empty ([] or {}), in either style.
            Put(path, node is YamlSequence ? new YamlOutput.Sequence() : new YamlOutput.Map());
            return;
        }

        var removed = ranges[index];
        if (layout.IsFlow(node))
        {
            Text = index < ranges.Count - 1
                ? Text.Remove(removed.Start, ranges[index + 1].Start - removed.Start)
                : Text.Remove(ranges[index - 1].End, removed.End - ranges[index - 1].End);
            return;
        }

        // Block style: the item's whole lines go (a comment on a line of its own above it stays).
        int from = layout.LineStart(removed.Start);
        int to = AfterLine(Text, removed.End, out _, layout.NewLine);
        Text = Text.Remove(from, to - from);
    }

    /// <summary>The index of the entry <paramref name="key"/> in the mapping at <paramref name="path"/>; -1 when absent.</summary>
    public int IndexOfKey(IReadOnlyList<string> path, string key)
    {
        if (Find(path) is YamlMapping mapping)
        {
            for (int i = 0; i < mapping.Entries.Count; i++)
            {
                if (mapping.Entries[i].Key.NonScalarKind is null && mapping.Entries[i].Key.Value == key)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private YamlNode? Root()
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var root = CatalogTreeReader.Read(Text, _fileName, diagnostics, CancellationToken.None);
        if (diagnostics.Find(d => d.Id == DiagnosticIds.InvalidSyntax) is { } invalid)
        {
            throw Unsupported("the file cannot be read (" + invalid.Message + ")");
        }

        return root;
    }

    private static YamlOutput.Map Nest(IReadOnlyList<string> path, int from, YamlOutput value)
    {
        var result = new YamlOutput.Map();
        result.Add(path[path.Count - 1], value);
        for (int i = path.Count - 2; i >= from; i--)
        {
            var parent = new YamlOutput.Map();
            parent.Add(path[i], result);
            result = parent;
        }

        return result;
    }

    private static IEnumerable<string> Take(IReadOnlyList<string> path, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return path[i];
        }
    }

    /// <summary>Replaces the value of an existing entry: a scalar keeps its quoting style, a block value is rewritten under its key.</summary>
    private string ReplaceValue(YamlLayout layout, YamlMapping parent, YamlKey key, YamlNode old, YamlOutput value)
    {
        bool flow = layout.IsFlow(parent) || (old.Range.Length > 0 && layout.IsFlow(old));
        if (value is YamlOutput.Scalar scalar && old is YamlScalar { IsNull: false } oldScalar)
        {
            var written = oldScalar.IsPlain && !flow ? YamlScalarText.Block(scalar.Value)
                : Text[old.Range.Start] == '"' || flow ? YamlScalarText.DoubleQuoted(scalar.Value) : YamlScalarText.Block(scalar.Value);
            return Text.Remove(old.Range.Start, old.Range.Length).Insert(old.Range.Start, written);
        }

        if (flow || (value is YamlOutput.Scalar && old.Range.Length == 0) || IsEmpty(value))
        {
            var written = value is YamlOutput.Scalar s ? (flow ? YamlScalarText.Flow(s.Value) : YamlScalarText.Block(s.Value))
                : FlowStyleWriter.Value(value, layout.LineIndent(key.Range.Start), multiLine: flow && !layout.SameLine(parent.Range.Start, parent.Range.End - 1), layout);
            if (old.Range.Length > 0 && !layout.IsFlow(old) && old is not YamlScalar)
            {
                // A block value (lines under the key) becomes an inline value after "key:".
                int colon = Text.IndexOf(':', key.Range.End);
                int end = AfterLine(Text, EndOf(key, old), out _, layout.NewLine);
                return Text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, " " + written + layout.NewLine);
            }

            if (old.Range.Length == 0)
            {
                int colon = Text.IndexOf(':', key.Range.End);
                return Text.Insert(colon + 1, " " + written);
            }

            return Text.Remove(old.Range.Start, old.Range.Length).Insert(old.Range.Start, written);
        }

        // Block parent, non-empty nested value: drop the old value and write the nested block under the key.
        int keyColon = Text.IndexOf(':', key.Range.End);
        int lineEnd = AfterLine(Text, EndOf(key, old), out var prefix, layout.NewLine);
        var nested = value is YamlOutput.Map map
            ? BlockStyleWriter.Entries(map, layout.Column(key.Range.Start) + layout.IndentUnit, layout)
            : SequenceLines((YamlOutput.Sequence)value, layout.Column(key.Range.Start) + layout.SequenceIndent, layout);
        return Text.Remove(keyColon + 1, lineEnd - keyColon - 1).Insert(keyColon + 1, layout.NewLine + nested);
    }

    private static string SequenceLines(YamlOutput.Sequence sequence, int dash, YamlLayout layout)
    {
        var text = new System.Text.StringBuilder();
        foreach (var item in sequence.Items)
        {
            text.Append(' ', dash).Append("- ").Append(YamlScalarText.Block(((YamlOutput.Scalar)item).Value)).Append(layout.NewLine);
        }

        return text.ToString();
    }

    private static bool IsEmpty(YamlOutput value) => value is YamlOutput.Map { Entries.Count: 0 } or YamlOutput.Sequence { Items.Count: 0 };

    private static int EndOf(YamlKey key, YamlNode value) => ProviderBlockWriter.EndOf(key, value);

    private static int AfterLine(string text, int offset, out string prefix, string newLine) => ProviderBlockWriter.AfterLine(text, offset, out prefix, newLine);

    private static CliException Unsupported(string why) => new("cannot edit the catalog: " + why + "; nothing was written");
}

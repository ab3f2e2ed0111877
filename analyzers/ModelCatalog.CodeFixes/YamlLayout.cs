using System.Collections.Generic;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// How a models.yaml is laid out — line ending, indentation step, how far <c>- </c> items sit under their key, quoted
/// keys and trailing commas in JSON5 — so an inserted block looks as if the developer had typed it.
/// </summary>
internal sealed class YamlLayout
{
    private const int MaxNodesInspected = 2000;

    private YamlLayout(string text) => Text = text;

    public string Text { get; }

    public string NewLine { get; private set; } = "\n";

    public int IndentUnit { get; private set; } = 2;

    /// <summary>Column of a sequence's <c>-</c> relative to its key (2 for the built-in catalog's style, 0 for "compact" YAML).</summary>
    public int SequenceIndent { get; private set; } = -1;

    /// <summary>Flow keys are written in double quotes (a JSON file).</summary>
    public bool QuotedKeys { get; private set; }

    /// <summary>Multi-line flow mappings end their last entry with a comma (JSON5 as OpenClaw writes it).</summary>
    public bool TrailingCommas { get; private set; }

    public static YamlLayout Detect(string text, YamlNode? root)
    {
        var layout = new YamlLayout(text) { NewLine = text.Contains("\r\n") ? "\r\n" : "\n" };
        if (root is YamlMapping rootMap && rootMap.Entries.Count > 0)
        {
            layout.QuotedKeys = layout.IsFlow(rootMap) && text[rootMap.Entries[0].Key.Range.Start] == '"';
            layout.TrailingCommas = layout.IsFlow(rootMap) && layout.CommaAfter(rootMap.Entries[rootMap.Entries.Count - 1].Value.Range.End) >= 0;
            layout.Inspect(rootMap);
        }

        if (layout.SequenceIndent < 0)
        {
            layout.SequenceIndent = layout.IndentUnit;
        }

        return layout;
    }

    public bool IsFlow(YamlNode node) => node.Range.Start < Text.Length && Text[node.Range.Start] is '{' or '[';

    public int Column(int offset) => offset - LineStart(offset);

    public int LineStart(int offset)
    {
        int newline = offset <= 0 ? -1 : Text.LastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /// <summary>Indentation (leading spaces) of the line holding <paramref name="offset"/>.</summary>
    public int LineIndent(int offset)
    {
        int start = LineStart(offset);
        int i = start;
        while (i < Text.Length && Text[i] == ' ')
        {
            i++;
        }

        return i - start;
    }

    public bool SameLine(int a, int b) => LineStart(a) == LineStart(b);

    /// <summary>Offset of the comma that follows <paramref name="offset"/> after blanks; -1 when the next character is not a comma.</summary>
    public int CommaAfter(int offset)
    {
        int i = offset;
        while (i < Text.Length && Text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i < Text.Length && Text[i] == ',' ? i : -1;
    }

    /// <summary>Breadth-first over the first nodes only: the first nested mapping and the first model list decide.</summary>
    private void Inspect(YamlMapping root)
    {
        bool unitFound = false;
        var queue = new Queue<YamlMapping>();
        queue.Enqueue(root);
        int inspected = 0;
        while (queue.Count > 0 && inspected++ < MaxNodesInspected && (!unitFound || SequenceIndent < 0))
        {
            var mapping = queue.Dequeue();
            foreach (var entry in mapping.Entries)
            {
                int keyIndent = LineIndent(entry.Key.Range.Start);
                if (entry.Value is YamlMapping { Entries.Count: > 0 } child)
                {
                    int childKey = child.Entries[0].Key.Range.Start;
                    if (!unitFound && !SameLine(entry.Key.Range.Start, childKey) && Column(childKey) > keyIndent)
                    {
                        IndentUnit = Column(childKey) - keyIndent;
                        unitFound = true;
                    }

                    queue.Enqueue(child);
                }
                else if (SequenceIndent < 0 && entry.Value is YamlSequence { Items.Count: > 0 } sequence && !IsFlow(sequence))
                {
                    int dash = Text.LastIndexOf('-', sequence.Items[0].Range.Start);
                    if (dash > entry.Key.Range.Start && Column(dash) >= keyIndent)
                    {
                        SequenceIndent = Column(dash) - keyIndent;
                    }
                }
            }
        }
    }
}

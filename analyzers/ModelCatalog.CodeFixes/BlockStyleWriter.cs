using System.Collections.Generic;
using System.Text;

namespace ModelCatalog.CodeFixes;

/// <summary>Writes <see cref="YamlOutput"/> as block YAML with the file's indentation and line ending.</summary>
internal sealed class BlockStyleWriter
{
    private readonly YamlLayout _layout;
    private readonly StringBuilder _text = new();

    public BlockStyleWriter(YamlLayout layout) => _layout = layout;

    /// <summary>The entries of <paramref name="map"/>, one per line, the first key at column <paramref name="indent"/>.</summary>
    public static string Entries(YamlOutput.Map map, int indent, YamlLayout layout)
    {
        var writer = new BlockStyleWriter(layout);
        writer.WriteEntries(map.Entries, indent);
        return writer._text.ToString();
    }

    private void WriteEntries(List<KeyValuePair<string, YamlOutput>> entries, int indent)
    {
        foreach (var entry in entries)
        {
            _text.Append(' ', indent).Append(YamlScalarText.Block(entry.Key)).Append(':');
            WriteValue(entry.Value, indent);
        }
    }

    private void WriteValue(YamlOutput value, int indent)
    {
        switch (value)
        {
            case YamlOutput.Scalar scalar:
                _text.Append(' ').Append(scalar.IsString ? YamlScalarText.Block(scalar.Value) : scalar.Value).Append(_layout.NewLine);
                break;
            case YamlOutput.Map { Entries.Count: 0 }:
                _text.Append(" {}").Append(_layout.NewLine);
                break;
            case YamlOutput.Map map:
                _text.Append(_layout.NewLine);
                WriteEntries(map.Entries, indent + _layout.IndentUnit);
                break;
            case YamlOutput.Sequence { Items.Count: 0 }:
                _text.Append(" []").Append(_layout.NewLine);
                break;
            case YamlOutput.Sequence sequence:
                _text.Append(_layout.NewLine);
                int dash = indent + _layout.SequenceIndent;
                foreach (var item in sequence.Items)
                {
                    _text.Append(' ', dash).Append("- ");
                    if (item is YamlOutput.Map { Entries.Count: > 0 } itemMap)
                    {
                        // "- id: x" with any further keys aligned under "id".
                        var first = itemMap.Entries[0];
                        _text.Append(YamlScalarText.Block(first.Key)).Append(':');
                        WriteValue(first.Value, dash + 2);
                        WriteEntries(itemMap.Entries.GetRange(1, itemMap.Entries.Count - 1), dash + 2);
                    }
                    else if (item is YamlOutput.Scalar scalar)
                    {
                        _text.Append(scalar.IsString ? YamlScalarText.Block(scalar.Value) : scalar.Value).Append(_layout.NewLine);
                    }
                }

                break;
        }
    }
}

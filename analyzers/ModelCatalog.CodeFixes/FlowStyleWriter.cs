using System.Text;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Writes <see cref="YamlOutput"/> in flow (JSON5) style: on one line, or one entry per line with the file's
/// indentation and trailing-comma habit, as OpenClaw's JSON5 configs are written.
/// </summary>
internal sealed class FlowStyleWriter
{
    private readonly YamlLayout _layout;
    private readonly bool _multiLine;
    private readonly StringBuilder _text = new();

    private FlowStyleWriter(YamlLayout layout, bool multiLine)
    {
        _layout = layout;
        _multiLine = multiLine;
    }

    /// <summary>One <c>key: value</c> entry (no separator around it); nested lines are indented from <paramref name="indent"/>.</summary>
    public static string Entry(string key, YamlOutput value, int indent, bool multiLine, YamlLayout layout)
    {
        var writer = new FlowStyleWriter(layout, multiLine);
        writer._text.Append(YamlScalarText.FlowKey(key, layout.QuotedKeys)).Append(": ");
        writer.WriteValue(value, indent);
        return writer._text.ToString();
    }

    /// <summary>A whole value (a replacement for <c>{}</c> or <c>null</c>), its closing bracket at <paramref name="indent"/>.</summary>
    public static string Value(YamlOutput value, int indent, bool multiLine, YamlLayout layout)
    {
        var writer = new FlowStyleWriter(layout, multiLine);
        writer.WriteValue(value, indent);
        return writer._text.ToString();
    }

    private void WriteValue(YamlOutput value, int indent)
    {
        switch (value)
        {
            case YamlOutput.Scalar scalar:
                _text.Append(scalar.IsString ? YamlScalarText.Flow(scalar.Value) : scalar.Value);
                break;
            case YamlOutput.Map map when _multiLine && !IsSmall(map):
                _text.Append('{').Append(_layout.NewLine);
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    var entry = map.Entries[i];
                    _text.Append(' ', indent + _layout.IndentUnit).Append(YamlScalarText.FlowKey(entry.Key, _layout.QuotedKeys)).Append(": ");
                    WriteValue(entry.Value, indent + _layout.IndentUnit);
                    if (i < map.Entries.Count - 1 || _layout.TrailingCommas)
                    {
                        _text.Append(',');
                    }

                    _text.Append(_layout.NewLine);
                }

                _text.Append(' ', indent).Append('}');
                break;
            case YamlOutput.Map map:
                _text.Append(map.Entries.Count == 0 ? "{" : "{ ");
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    var entry = map.Entries[i];
                    _text.Append(i == 0 ? "" : ", ").Append(YamlScalarText.FlowKey(entry.Key, _layout.QuotedKeys)).Append(": ");
                    WriteValue(entry.Value, indent);
                }

                _text.Append(map.Entries.Count == 0 ? "}" : " }");
                break;
            case YamlOutput.Sequence sequence:
                _text.Append('[');
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    _text.Append(i == 0 ? "" : ", ");
                    WriteValue(sequence.Items[i], indent);
                }

                _text.Append(']');
                break;
        }
    }

    /// <summary>A map of scalars only (a model entry <c>{ id: "x" }</c>) stays on one line even in multi-line style.</summary>
    private static bool IsSmall(YamlOutput.Map map)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Value is not YamlOutput.Scalar)
            {
                return false;
            }
        }

        return map.Entries.Count <= 2;
    }
}

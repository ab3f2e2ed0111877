using System.Text;

namespace ModelCatalog.Generator.Emitting;

/// <summary>A minimal indented text writer: emitters write text, never syntax trees (fast, and no NormalizeWhitespace).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public CodeWriter(int capacity = 1024) => _builder = new StringBuilder(capacity);

    /// <summary>Writes into <paramref name="builder"/> (cleared first), so one buffer serves every file of a pass.</summary>
    public CodeWriter(StringBuilder builder, int capacity)
    {
        _builder = builder.Clear();
        _builder.EnsureCapacity(capacity);
    }

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Starts an indented line whose pieces are appended with <see cref="Append"/> (no intermediate strings).</summary>
    public CodeWriter StartLine()
    {
        _builder.Append(' ', _indent * 4);
        return this;
    }

    public CodeWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public CodeWriter Append(char text)
    {
        _builder.Append(text);
        return this;
    }

    /// <summary>Appends <paramref name="text"/> as the inside of a C# string literal (<see cref="SourceFormatting.AppendLiteralText"/>).</summary>
    public CodeWriter AppendLiteralText(string text)
    {
        SourceFormatting.AppendLiteralText(_builder, text);
        return this;
    }

    /// <summary>Appends <paramref name="text"/> as a quoted C# string literal (<see cref="SourceFormatting.StringLiteral"/>).</summary>
    public CodeWriter AppendLiteral(string text) => Append('"').AppendLiteralText(text).Append('"');

    /// <summary>Appends <paramref name="text"/> escaped for an XML doc comment (<see cref="SourceFormatting.Xml"/>).</summary>
    public CodeWriter AppendXml(string text)
    {
        SourceFormatting.AppendXml(_builder, text);
        return this;
    }

    public CodeWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string declaration)
    {
        Line(declaration);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close()
    {
        _indent--;
        return Line("}");
    }

    public override string ToString() => _builder.ToString();
}

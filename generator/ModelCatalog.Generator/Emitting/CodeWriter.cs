using System.Text;

namespace ModelCatalog.Generator.Emitting;

/// <summary>A minimal indented text writer: emitters write text, never syntax trees (fast, and no NormalizeWhitespace).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public CodeWriter(int capacity = 1024) => _builder = new StringBuilder(capacity);

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

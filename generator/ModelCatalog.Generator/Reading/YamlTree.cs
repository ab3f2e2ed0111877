using System.Collections.Generic;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// A minimal positioned YAML tree, built iteratively from parser events (never by recursion, so no input can
/// overflow the compiler's stack). Lives only inside the first pipeline transform.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(TextRange range) => Range = range;

    /// <summary>The node's text, quotes and brackets included.</summary>
    public TextRange Range { get; set; }

    /// <summary>What the node is, for "expected a mapping, found a sequence" messages.</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, TextRange range)
        : base(range)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: only plain scalars can be numbers, booleans or null.</summary>
    public bool IsPlain { get; }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => IsNull ? "null" : IsPlain ? "'" + Value + "'" : "a quoted string";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(TextRange range)
        : base(range)
    {
    }

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public override string KindName => "a mapping";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(TextRange range)
        : base(range)
    {
    }

    public List<YamlNode> Items { get; } = new();

    public override string KindName => "a list";
}

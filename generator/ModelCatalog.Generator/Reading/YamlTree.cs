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

/// <summary>
/// A mapping key. Keys are half of all scalars in a catalog and are only ever read as text, so they are kept as a small
/// struct (with an interned string) instead of a node object.
/// </summary>
internal readonly struct YamlKey
{
    public YamlKey(string value, bool isPlain, TextRange range, string? nonScalarKind = null)
    {
        Value = value;
        IsPlain = isPlain;
        Range = range;
        NonScalarKind = nonScalarKind;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public TextRange Range { get; }

    /// <summary>Set when the key is a mapping or a list ("a mapping"): such keys are invalid in a catalog.</summary>
    public string? NonScalarKind { get; }

    public bool IsNull => NonScalarKind is null && IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public string KindName => NonScalarKind ?? (IsNull ? "null" : "'" + Value + "'");

    public static YamlKey FromNode(YamlNode node) => node is YamlScalar scalar
        ? new YamlKey(scalar.Value, scalar.IsPlain, scalar.Range)
        : new YamlKey(string.Empty, false, node.Range, node.KindName);
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(TextRange range)
        : this(range, new List<KeyValuePair<YamlKey, YamlNode>>())
    {
    }

    /// <summary>A mapping that owns <paramref name="entries"/> (a reader sizes the list once the mapping is complete).</summary>
    public YamlMapping(TextRange range, List<KeyValuePair<YamlKey, YamlNode>> entries)
        : base(range) => Entries = entries;

    public List<KeyValuePair<YamlKey, YamlNode>> Entries { get; }

    /// <summary>
    /// Index of the first entry inherited through a merge key ('&lt;&lt;'); entries from here on yield to an earlier key
    /// silently, also where keys compare ignoring case (headers, provider ids). <see cref="int.MaxValue"/>: no merge.
    /// </summary>
    public int FirstMergedIndex { get; set; } = int.MaxValue;

    public override string KindName => "a mapping";

    /// <summary>The first entry whose scalar key is exactly <paramref name="key"/> (ordinal), or <c>null</c>.</summary>
    public KeyValuePair<YamlKey, YamlNode>? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.NonScalarKind is null && entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(TextRange range)
        : this(range, new List<YamlNode>())
    {
    }

    /// <summary>A list that owns <paramref name="items"/>.</summary>
    public YamlSequence(TextRange range, List<YamlNode> items)
        : base(range) => Items = items;

    public List<YamlNode> Items { get; }

    public override string KindName => "a list";
}

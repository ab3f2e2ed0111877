using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// YAML merge keys (yaml.org/type/merge): a plain <c>&lt;&lt;</c> key whose value is a mapping (usually an alias,
/// <c>&lt;&lt;: *base</c>) or a list of mappings (<c>&lt;&lt;: [*a, *b]</c>) adds the merged mappings' entries to the
/// mapping that holds it. The mapping's own keys win; among merged mappings the earlier one wins. Merged entries keep
/// their original positions (a diagnostic about an inherited value points into the anchored mapping). Applied when a
/// mapping is complete, so an anchored mapping has its own merges resolved before anything aliases it.
/// </summary>
internal sealed class YamlMergeKeys
{
    /// <summary>Merged entries copied in one file at most; beyond it the file is MC0001 (merge chains grow quadratically).</summary>
    public const int MaxCopiedEntries = 1_000_000;

    private readonly List<CatalogDiagnostic> _diagnostics;
    private readonly string _fileName;
    private int _copied;

    public YamlMergeKeys(List<CatalogDiagnostic> diagnostics, string fileName)
    {
        _diagnostics = diagnostics;
        _fileName = fileName;
    }

    public static bool IsMergeKey(YamlKey key) => key.IsPlain && key.NonScalarKind is null && key.Value == "<<";

    /// <summary>Resolves the merge keys of a complete mapping in place; returns <c>false</c> past the size budget (MC0001 added).</summary>
    public bool Apply(YamlMapping mapping)
    {
        var entries = mapping.Entries;
        int mergeCount = 0;
        foreach (var entry in entries)
        {
            if (IsMergeKey(entry.Key))
            {
                mergeCount++;
            }
        }

        if (mergeCount == 0)
        {
            return true;
        }

        var sources = new List<YamlMapping>();
        var own = new List<KeyValuePair<YamlKey, YamlNode>>(entries.Count);
        foreach (var entry in entries)
        {
            if (IsMergeKey(entry.Key))
            {
                CollectSources(entry.Value, sources);
            }
            else
            {
                own.Add(entry);
            }
        }

        // Own keys first (they win, and keep their duplicates so MC0005 still sees them), then each merged mapping's
        // first occurrence of every key not seen yet.
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in own)
        {
            present.Add(KeyText(entry.Key));
        }

        mapping.FirstMergedIndex = own.Count;
        foreach (var source in sources)
        {
            foreach (var entry in source.Entries)
            {
                if (!present.Add(KeyText(entry.Key)))
                {
                    continue;
                }

                if (++_copied > MaxCopiedEntries)
                {
                    _diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, TextRange.FromBounds(mapping.Range.Start, mapping.Range.Start + 1),
                        _fileName + " expands its merge keys ('<<') to more than " + MaxCopiedEntries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
                        " entries; merge fewer or smaller mappings"));
                    return false;
                }

                own.Add(entry);
            }
        }

        entries.Clear();
        entries.AddRange(own);
        return true;
    }

    private void CollectSources(YamlNode value, List<YamlMapping> sources)
    {
        switch (value)
        {
            case YamlMapping mapping:
                sources.Add(mapping);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlMapping merged)
                    {
                        sources.Add(merged);
                    }
                    else
                    {
                        ReportBadValue(item);
                    }
                }

                break;
            default:
                ReportBadValue(value);
                break;
        }
    }

    private void ReportBadValue(YamlNode value)
    {
        _diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidValue, value.Range,
            "merge key '<<' takes a mapping, an alias to one (<<: *base) or a list of them (<<: [*a, *b]), not " + value.KindName +
            "; this value is ignored"));
    }

    // Non-text keys are reported where they are written; they never collide with text keys.
    private static string KeyText(YamlKey key) => key.NonScalarKind is null ? key.Value : "\0" + key.Range.Start;
}

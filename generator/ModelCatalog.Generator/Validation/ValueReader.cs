using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Generator.Validation;

/// <summary>Typed reads of YAML values, each reporting MC0002/MC0003/MC0005 at the exact node instead of throwing.</summary>
internal sealed class ValueReader
{
    private readonly List<CatalogDiagnostic> _diagnostics;

    // The keys seen so far in the one Entries call running (it calls nothing that re-enters it): reused, not allocated per mapping.
    private readonly List<string> _seen = new();

    public ValueReader(List<CatalogDiagnostic> diagnostics) => _diagnostics = diagnostics;

    public void Report(string id, TextRange range, string message) => _diagnostics.Add(new CatalogDiagnostic(id, range, message));

    /// <summary>
    /// The entries of a mapping with text keys, first occurrence winning. Later duplicates are MC0005; keys outside
    /// <paramref name="known"/> ∪ <paramref name="accepted"/> are MC0002 (pass <c>null</c> for open key sets).
    /// Read it only: when every entry is kept (the common case) it is the mapping's own list, not a copy.
    /// </summary>
    public List<KeyValuePair<YamlKey, YamlNode>> Entries(
        YamlMapping mapping, Subject where, HashSet<string>? known, HashSet<string>? accepted = null, bool ignoreCase = false, string? entryKind = null)
    {
        // Only a mapping with a dropped entry gets a list of its own (filled when the first entry is dropped).
        List<KeyValuePair<YamlKey, YamlNode>>? result = null;
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        // Most mappings (a model, a cost) have a handful of keys: a linear duplicate check beats a set there.
        var seenSet = mapping.Entries.Count > 8 ? new HashSet<string>(comparer) : null;
        var seenList = seenSet is null ? _seen : null;
        seenList?.Clear();
        for (int index = 0; index < mapping.Entries.Count; index++)
        {
            var entry = mapping.Entries[index];
            var key = entry.Key;
            if (key.NonScalarKind is not null || key.IsNull)
            {
                Report(DiagnosticIds.InvalidValue, key.Range, "a key in " + where.ToString() + " must be text, not " + key.KindName + "; write a plain key");
                result ??= mapping.Entries.GetRange(0, index);
                continue;
            }

            if (seenSet is not null ? !seenSet.Add(key.Value) : !AddIfAbsent(seenList!, key.Value, comparer))
            {
                result ??= mapping.Entries.GetRange(0, index);
                if (index >= mapping.FirstMergedIndex)
                {
                    continue; // an inherited key that the mapping (or an earlier merged mapping) already has: YAML merge semantics
                }

                Report(DiagnosticIds.Duplicate, key.Range, entryKind is null
                    ? "duplicate key '" + key.Value + "' in " + where + "; the first one is used, remove this one"
                    : "duplicate " + entryKind + " '" + key.Value + "' (" + entryKind + " ids are unique ignoring case); merge it into the first block or rename it");
                continue;
            }

            if (known is not null && !known.Contains(key.Value) && (accepted is null || !accepted.Contains(key.Value)))
            {
                // Every key that passes without a warning is a candidate: the keys ModelCatalog uses, then the accepted ones.
                IEnumerable<string> candidates = accepted is null ? known : known.Concat(accepted);
                var suggestion = Suggestions.Closest(key.Value, candidates);
                Report(DiagnosticIds.UnknownKey, key.Range, "unknown key '" + key.Value + "' in " + where +
                    (suggestion is null ? "; it is ignored (known keys: " + string.Join(", ", candidates) + ")" : "; did you mean '" + suggestion + "'?"));
                result ??= mapping.Entries.GetRange(0, index);
                continue;
            }

            result?.Add(entry);
        }

        return result ?? mapping.Entries;
    }

    private static bool AddIfAbsent(List<string> seen, string key, StringComparer comparer)
    {
        foreach (var existing in seen)
        {
            if (comparer.Equals(existing, key))
            {
                return false;
            }
        }

        seen.Add(key);
        return true;
    }

    public YamlMapping? Mapping(YamlNode node, Subject what)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        if (node is not YamlScalar { IsNull: true })
        {
            Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must be a mapping, not " + node.KindName);
        }

        return null;
    }

    public YamlSequence? Sequence(YamlNode node, Subject what)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        if (node is not YamlScalar { IsNull: true })
        {
            Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must be a list, not " + node.KindName + "; write [a, b]");
        }

        return null;
    }

    /// <summary>A non-empty text value (numbers written without quotes are text too: ids like <c>123</c>).</summary>
    public Positioned<string> Text(YamlNode node, Subject what)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            if (scalar.Value.Trim().Length == 0)
            {
                Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must not be empty");
                return default;
            }

            return new Positioned<string>(scalar.Value, scalar.Range);
        }

        Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must be text, not " + node.KindName);
        return default;
    }

    public Positioned<bool> Boolean(YamlNode node, Subject what)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true": case "True": case "TRUE": return new Positioned<bool>(true, scalar.Range);
                case "false": case "False": case "FALSE": return new Positioned<bool>(false, scalar.Range);
            }
        }

        Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must be true or false, not " + node.KindName);
        return default;
    }

    /// <summary>A positive whole number that fits in an int (underscores as digit separators allowed).</summary>
    public Positioned<int> PositiveInteger(YamlNode node, Subject what)
    {
        if (Number(node, what, out var value, out var scalar))
        {
            if (value <= 0 || value != decimal.Truncate(value) || value > int.MaxValue)
            {
                Report(DiagnosticIds.InvalidValue, scalar!.Range, what.ToString() + " must be a positive whole number of tokens (at most 2,147,483,647), not " + scalar.Value);
                return default;
            }

            return new Positioned<int>((int)value, scalar!.Range);
        }

        return default;
    }

    /// <summary>A price in USD per 1M tokens: a number ≥ 0, kept exactly as a decimal.</summary>
    public bool Price(YamlNode node, Subject what, out decimal value)
    {
        if (Number(node, what, out value, out var scalar))
        {
            if (value < 0)
            {
                Report(DiagnosticIds.InvalidValue, scalar!.Range, what.ToString() + " must not be negative (" + scalar.Value + "); prices are USD per 1M tokens");
                return false;
            }

            return true;
        }

        return false;
    }

    /// <summary>A finite number written without quotes (decimal, hex, exponent), kept exactly as a decimal.</summary>
    public bool Number(YamlNode node, Subject what, out decimal value) => Number(node, what, out value, out _);

    private bool Number(YamlNode node, Subject what, out decimal value, out YamlScalar? scalar)
    {
        value = 0;
        scalar = node as YamlScalar;
        if (scalar is null || !scalar.IsPlain || scalar.IsNull)
        {
            Report(DiagnosticIds.InvalidValue, node.Range, what.ToString() + " must be a number, not " + node.KindName + (scalar is { IsPlain: false } ? " (remove the quotes)" : ""));
            return false;
        }

        var text = scalar.Value.IndexOf('_') >= 0 ? scalar.Value.Replace("_", "") : scalar.Value;
        if (IsNonFinite(text))
        {
            Report(DiagnosticIds.InvalidValue, scalar.Range, what.ToString() + " must be a finite number, not " + scalar.Value);
            return false;
        }

        if (!TryParseHex(text, out value) && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            Report(DiagnosticIds.InvalidValue, scalar.Range, what.ToString() + " must be a number, not '" + scalar.Value + "'");
            return false;
        }

        return true;
    }

    // JSON5 Infinity/NaN and YAML .inf/.nan are numbers, but no catalog field can hold one.
    private static bool IsNonFinite(string text)
    {
        var unsigned = text.Length > 0 && text[0] is '+' or '-' ? text.Substring(1) : text;
        return unsigned is "Infinity" or "NaN" or ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN";
    }

    // Hex integers (JSON5 HexIntegerLiteral, YAML 1.2 core int), optionally signed; at most 24 significant digits fit a decimal.
    private static bool TryParseHex(string text, out decimal value)
    {
        value = 0;
        int start = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        if (text.Length < start + 3 || text[start] != '0' || (text[start + 1] != 'x' && text[start + 1] != 'X'))
        {
            return false;
        }

        int significant = 0;
        for (int i = start + 2; i < text.Length; i++)
        {
            char c = text[i];
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0 || (significant += value == 0 && digit == 0 ? 0 : 1) > 24)
            {
                value = 0;
                return false;
            }

            value = value * 16 + digit;
        }

        value = text[0] == '-' ? -value : value;
        return true;
    }
}

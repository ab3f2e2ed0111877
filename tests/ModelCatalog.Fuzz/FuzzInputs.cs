using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelCatalog.Fuzz;

/// <summary>
/// Deterministic hostile inputs for the catalog reader: mutations of real catalogs (truncations, edits, wrong types,
/// anchors, JSON5 tokens, compact and re-quoted JSON5), and generated extremes (deep nesting, alias bombs, huge scalars, invalid UTF-8, multi-documents).
/// Input <c>i</c> of a run is fully determined by the seed and <c>i</c>, so any failure can be replayed.
/// </summary>
internal sealed class FuzzInputs
{
    private const string Specials = "{}[],:-#&*!|>'\"%@`?\t\n\r \\/$";
    private static readonly string[] Fragments =
    {
        "[1, 2]", "{a: 1}", "*anchor", "&anchor x", "!!binary aGk=", "~", "null", "-1", "1e400", ".nan", "\"${X}\"", "$${Y}", "? [a]\n: b",
        "<<: *anchor", "|\n  block", ">-\n  folded", "'it''s'", "\"\\u0000\"", "0x1F", "true", "---", "...", "%YAML 1.2", "{", "]", "\uFEFF",
    };

    // JSON5 (spec.json5.org 1.0.0) tokens and near-misses: every escape, number form, comment and white space kind.
    private static readonly string[] Json5Fragments =
    {
        "Infinity", "-Infinity", "NaN", "+.5e-3", "5.", "-0xA", "0x", "01", "1e", ".", "'it\\'s'", "\"\\x41\\u00e9\\uD83D\\uDE00\"", "\"\\x4\"",
        "'\\u12'", "'\\01'", "'\\0'", "'a\\\r\nb'", "'a\\\u2028b'", "\u2028", "\u2029", "\u3000", "\u00A0", "/* c */", "// c\n", "/*", "*/",
        "$schema:'x',", "\\u0061:1,", "k\\u0020:1,", "\uD835\uDC65:1,", "a:1,", ",", ",,", ",}", ",]", "{}", "[]", "'", "\"", "\\", "\u200C",
        "key:", ":", "null:", "'\uD800'", "\"\\uDC00\"",
    };

    private static readonly Regex UnquotedKey = new(@"(?<=[{,]\s*)([A-Za-z_$][A-Za-z0-9_$]*)\s*:", RegexOptions.CultureInvariant);

    private readonly string[] _seeds;
    private readonly string? _largeCatalog;

    public FuzzInputs(IEnumerable<string> seeds, string? largeCatalog)
    {
        _seeds = seeds.ToArray();
        _largeCatalog = largeCatalog;
    }

    /// <summary>How often (1 in N) an input is a cut of the large catalog: those are expensive.</summary>
    public int LargeCatalogEvery { get; set; } = 200;

    public (string Kind, string Text) Create(int seed, int index)
    {
        var random = new Random(unchecked(seed * 7919 + index));
        if (_largeCatalog is not null && index % LargeCatalogEvery == 0)
        {
            return ("large catalog cut", _largeCatalog.Substring(0, random.Next(_largeCatalog.Length)));
        }

        return (index % 10) switch
        {
            0 => ("extreme", Extreme(random)),
            1 => ("truncation", Truncate(random, Seed(random))),
            _ => ("mutation", Mutate(random, Seed(random), 1 + random.Next(6))),
        };
    }

    private string Seed(Random random) => _seeds[random.Next(_seeds.Length)];

    private static string Truncate(Random random, string text) => text.Substring(0, random.Next(text.Length + 1));

    private static string Mutate(Random random, string text, int edits)
    {
        var builder = new StringBuilder(text);
        for (int e = 0; e < edits && builder.Length > 0; e++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(12))
            {
                case 0: builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(8))); break;
                case 1: builder.Insert(at, Specials[random.Next(Specials.Length)]); break;
                case 2: builder.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 3: builder.Insert(at, (char)random.Next(0, 0x10000)); break;
                case 4:
                    // replace the value after a ':' with something of another type
                    int colon = builder.ToString().IndexOf(": ", at, StringComparison.Ordinal);
                    if (colon >= 0)
                    {
                        int end = builder.ToString().IndexOfAny(new[] { '\n', ',', '}' }, colon + 2);
                        end = end < 0 ? builder.Length : end;
                        builder.Remove(colon + 2, end - colon - 2).Insert(colon + 2, Fragments[random.Next(Fragments.Length)]);
                    }

                    break;
                case 5:
                    var lines = builder.ToString().Split('\n').ToList();
                    int line = random.Next(lines.Count);
                    lines.Insert(random.Next(lines.Count + 1), lines[line]);
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
                case 6:
                    var indented = builder.ToString().Split('\n');
                    int target = random.Next(indented.Length);
                    indented[target] = random.Next(2) == 0 ? " " + indented[target] : indented[target].TrimStart();
                    builder.Clear().Append(string.Join("\n", indented));
                    break;
                case 7: builder.Insert(at, "\r\n"); break;
                case 8: builder.Insert(at, Json5Fragments[random.Next(Json5Fragments.Length)]); break;
                case 9:
                    // JSON5.stringify's compact form: no space after ':' or ','
                    builder.Replace(": ", ":").Replace(", ", ",");
                    break;
                case 10:
                    // as JSON: quoted keys and double quotes, so System.Text.Json can check the JSON5 reader
                    var json = UnquotedKey.Replace(builder.ToString(), "\"$1\":").Replace('\'', '"');
                    builder.Clear().Append(json);
                    break;
                default:
                    // the other JSON5 quote style
                    builder.Replace(random.Next(2) == 0 ? '"' : '\'', random.Next(2) == 0 ? '\'' : '"');
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Extreme(Random random)
    {
        switch (random.Next(10))
        {
            case 0: return new string('[', 10 + random.Next(20000));
            case 1: return string.Concat(Enumerable.Repeat("{a: ", 10 + random.Next(5000))) + "1" + new string('}', random.Next(5000));
            case 2: return string.Concat(Enumerable.Repeat("- ", 50 + random.Next(2000)).Select((s, i) => "\n" + new string(' ', i * 2) + s)) + "x";
            case 3:
                // billion laughs: each level refers to the previous one ten times
                var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (int level = 1; level < 12; level++)
                {
                    bomb.Append("a").Append(level).Append(": &a").Append(level).Append(" [")
                        .Append(string.Join(", ", Enumerable.Repeat("*a" + (level - 1), 10))).Append("]\n");
                }

                return bomb + "models:\n  providers:\n    p: { baseUrl: https://x.example, api: openai-completions, models: *a11, headers: *a11 }\n";
            case 4: return "models:\n  providers:\n    p:\n      baseUrl: https://x.example\n      api: openai-completions\n      models:\n        - id: " + new string('x', 1 + random.Next(2_000_000)) + "\n";
            case 5:
                var bytes = new byte[random.Next(4096)];
                random.NextBytes(bytes);
                return Encoding.UTF8.GetString(bytes);
            case 6: return "models: {providers: {p: {models: [" + string.Join(", ", Enumerable.Range(0, random.Next(3000)).Select(i => "{id: m" + i + "}")) + "]}}}";
            case 7: return "---\nmodels: {}\n---\nmodels: {}\n" + new string('\0', random.Next(3));
            case 8: return new string('x', YamlLimit + 1 + random.Next(100));
            default: return "\uFEFF" + string.Concat(Enumerable.Repeat("models:\n  mode: merge\n", 1 + random.Next(50)));
        }
    }

    /// <summary>Just over the reader's 8 MB limit (kept here so the extreme inputs stay independent of internals).</summary>
    private const int YamlLimit = 8 * 1024 * 1024;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ModelCatalog.Tests.Readme;

/// <summary>
/// The fenced code blocks of the repository's README.md, each with the test markers written right above it as HTML
/// comments (invisible when rendered): <c>&lt;!-- catalog --&gt;</c> (the README's models.yaml),
/// <c>&lt;!-- fragment: method-body --&gt;</c> (compiles inside a stated wrapper), <c>&lt;!-- generated: file.g.cs --&gt;</c>
/// (an excerpt of generated code) and <c>&lt;!-- diagnostic: MC1003 --&gt;</c> (must produce exactly that diagnostic).
/// </summary>
internal sealed class ReadmeDocument
{
    private static readonly Regex Marker = new(@"^<!--\s*(?<name>[a-z-]+)(?::\s*(?<value>.*?))?\s*-->$", RegexOptions.CultureInvariant);

    private ReadmeDocument(IReadOnlyList<ReadmeBlock> blocks) => Blocks = blocks;

    public IReadOnlyList<ReadmeBlock> Blocks { get; }

    public static ReadmeDocument Repository { get; } = Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

    /// <summary>The README's own catalog: the one <c>yaml</c> block marked <c>&lt;!-- catalog --&gt;</c>.</summary>
    public string Catalog => Blocks.Single(b => b.Language == "yaml" && b.Markers.ContainsKey("catalog")).Code;

    public IEnumerable<ReadmeBlock> CSharp => Blocks.Where(b => b.Language == "csharp");

    public static ReadmeDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3)
            {
                continue;
            }

            var language = lines[i].Substring(3).Trim();
            var markers = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int m = i - 1; m >= 0 && Marker.Match(lines[m].Trim()) is { Success: true } match; m--)
            {
                markers[match.Groups["name"].Value] = match.Groups["value"].Value;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new InvalidOperationException("README.md line " + (i + 1) + ": code block is never closed.");
            }

            blocks.Add(new ReadmeBlock(i + 1, language, string.Join("\n", lines, start, end - start) + "\n", markers));
            i = end;
        }

        return new ReadmeDocument(blocks);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}

/// <summary>One fenced block: the line of its opening fence (1-based), its language, its text and its markers.</summary>
internal sealed record ReadmeBlock(int Line, string Language, string Code, IReadOnlyDictionary<string, string> Markers)
{
    public override string ToString() => "README.md line " + Line;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Analyzers;

/// <summary>A string value of a configuration file that may be a model ref, with its position.</summary>
internal readonly struct ConfigurationValue
{
    public ConfigurationValue(string value, string path, TextRange range, bool isBoundRef, bool isModelIdKey)
    {
        Value = value;
        Path = path;
        Range = range;
        IsBoundRef = isBoundRef;
        IsModelIdKey = isModelIdKey;
    }

    public string Value { get; }

    /// <summary>Its configuration path as written (<c>OpenRouter:ModelId</c>, <c>Chat:Fallbacks:0</c>).</summary>
    public string Path { get; }

    /// <summary>The string token, quotes included (where the diagnostic goes and what a fix replaces).</summary>
    public TextRange Range { get; }

    /// <summary>Its path is a model-ref path: bound to a <c>[ModelRef]</c> property, or named by a <c>ModelCatalogRef</c> item.</summary>
    public bool IsBoundRef { get; }

    /// <summary>Its key ends in <c>ModelId</c> (any case).</summary>
    public bool IsModelIdKey { get; }
}

/// <summary>
/// Reads <c>appsettings.json</c> and <c>appsettings.*.json</c> (README.md, "Model refs in configuration files") with the
/// catalog's JSON5 reader, which gives every value its position and accepts what Microsoft.Extensions.Configuration.Json
/// accepts (JSON with comments and trailing commas: JSON5 is a superset). Keys are configuration keys: a key holding
/// <c>:</c> is several keys, and array elements are keys <c>0</c>, <c>1</c>, …
/// </summary>
internal static class ConfigurationFile
{
    /// <summary>A key ending in this (any case) holds a model id: <c>ModelId</c>, <c>EmbeddingModelID</c> (README.md, "Model refs in configuration files").</summary>
    public const string ModelIdSuffix = "ModelId";
    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>Whether <paramref name="path"/> names <c>appsettings.json</c> or <c>appsettings.&lt;anything&gt;.json</c> (ignoring case, as on Windows).</summary>
    public static bool IsConfigurationFile(string path)
    {
        // Either separator: the build may hand Windows paths to an analyzer that runs anywhere.
        var name = path.Substring(path.LastIndexOfAny(PathSeparators) + 1);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
            (name.Length == "appsettings.json".Length || name["appsettings".Length] == '.');
    }

    /// <summary>
    /// <paramref name="path"/> with <c>.</c> and <c>..</c> segments resolved and one separator, compared ignoring case where
    /// the file system does (Windows): the same file listed twice as AdditionalFiles — once by a relative item of a
    /// Directory.Build.targets, once by the package's full path — is one file (<see cref="PathComparer"/>).
    /// </summary>
    public static string NormalizedPath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split(PathSeparators))
        {
            if (segment == "." || (segment.Length == 0 && segments.Count > 0))
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ".." and not "")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join("/", segments);
    }

    /// <summary>How normalised paths compare: ignoring case on Windows, whose file system does; exactly elsewhere.</summary>
    public static StringComparer PathComparer { get; } = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The string values of <paramref name="text"/> at a path of <paramref name="paths"/> or under a <c>…ModelId</c> key.
    /// A text that cannot be read (too large, not a JSON object, a syntax error) gives none: it is the app's configuration
    /// file, not ours, and the configuration loader reports its errors when the app starts, so no diagnostic is made up here.
    /// </summary>
    public static List<ConfigurationValue> Candidates(string text, ConfigurationPathSet paths, CancellationToken cancellationToken)
    {
        var found = new List<ConfigurationValue>();
        if (text.Length > CatalogTreeReader.MaxLength || !Json5TreeReader.StartsWithObject(text) ||
            Json5TreeReader.Read(text, "appsettings.json", new List<CatalogDiagnostic>(), cancellationToken) is not YamlMapping root)
        {
            return found;
        }

        // Explicit stack, no recursion (the reader already limits nesting to 64 levels).
        var stack = new Stack<(YamlNode Node, List<ConfigurationPathSet.Node> Matches, string? Key, string Path)>();
        stack.Push((root, new List<ConfigurationPathSet.Node> { paths.Root }, null, ""));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, matches, key, path) = stack.Pop();
            switch (node)
            {
                case YamlScalar { IsPlain: false } scalar:
                    bool isRef = matches.Exists(static m => m.IsRef);
                    bool isModelIdKey = key is not null && IsModelIdKey(key);
                    if (isRef || isModelIdKey)
                    {
                        found.Add(new ConfigurationValue(scalar.Value, path, scalar.Range, isRef, isModelIdKey));
                    }

                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push((entry.Value, Step(matches, ConfigurationPathSet.Split(entry.Key.Value)), LastKey(entry.Key.Value), Join(path, entry.Key.Value)));
                    }

                    break;
                case YamlSequence sequence:
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        var index = i.ToString(CultureInfo.InvariantCulture);
                        stack.Push((sequence.Items[i], Step(matches, new[] { index }), key, Join(path, index)));
                    }

                    break;
            }
        }

        // The stack visits the document back to front; report in document order.
        found.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return found;
    }

    /// <summary>The nodes the keys reach from <paramref name="matches"/> (none once the path leaves every model-ref path).</summary>
    private static List<ConfigurationPathSet.Node> Step(List<ConfigurationPathSet.Node> matches, string[] keys)
    {
        var current = matches;
        foreach (var key in keys)
        {
            if (current.Count == 0)
            {
                return current;
            }

            var next = new List<ConfigurationPathSet.Node>(current.Count);
            foreach (var node in current)
            {
                node.Step(key, next);
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether configuration key <paramref name="key"/> (one segment) ends in <see cref="ModelIdSuffix"/>, ignoring case.</summary>
    public static bool IsModelIdKey(string key) => key.EndsWith(ModelIdSuffix, StringComparison.OrdinalIgnoreCase);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;

    private static string LastKey(string key)
    {
        int colon = key.LastIndexOf(':');
        return colon < 0 ? key : key.Substring(colon + 1);
    }
}

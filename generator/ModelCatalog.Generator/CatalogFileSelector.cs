using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Generator;

/// <summary>
/// Which AdditionalFiles item is the catalog (README.md, "Catalog files as people write them"): the one the MSBuild property <c>ModelCatalogFile</c> names, else
/// any file with one of the <see cref="DefaultNames"/>; with several candidates <see cref="Precedes"/> decides. Shared by
/// generator, analyzers and the CLI, so the build and <c>modelcatalog</c> find the same file. OpenClaw's per-agent
/// <c>models.json</c> is not picked up by name (the name is too common for unrelated JSON); name it with <c>ModelCatalogFile</c>.
/// </summary>
internal static class CatalogFileSelector
{
    public const string DefaultFileName = "models.yaml";
    public const string ShortExtensionFileName = "models.yml";

    /// <summary>
    /// The catalog file names looked for next to a project, in order of preference (the build's targets add the first
    /// that exists, and the CLI reads the first it finds): YAML, then JSON5.
    /// </summary>
    public static readonly string[] DefaultNames = { DefaultFileName, ShortExtensionFileName, "models.json5" };
    public const string CatalogFileProperty = "build_property.ModelCatalogFile";

    /// <summary>The configured catalog path, normalised to forward slashes; <c>null</c> when not set.</summary>
    public static string? ConfiguredPath(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(CatalogFileProperty, out var value) && !string.IsNullOrWhiteSpace(value)
            ? Normalize(value.Trim())
            : null;

    public static bool IsCatalog(string path, string? configuredPath)
    {
        var normalized = Normalize(path);
        if (configuredPath is null)
        {
            var name = FileName(normalized);
            foreach (var defaultName in DefaultNames)
            {
                if (string.Equals(name, defaultName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // The property may be relative to the project folder or absolute; compare the tail.
        var tail = configuredPath.TrimStart('.', '/');
        return string.Equals(normalized, configuredPath, StringComparison.OrdinalIgnoreCase) ||
               normalized.EndsWith("/" + tail, StringComparison.OrdinalIgnoreCase);
    }

    public static AdditionalText? Select(IEnumerable<AdditionalText> files, string? configuredPath)
    {
        AdditionalText? selected = null;
        foreach (var file in files)
        {
            if (IsCatalog(file.Path, configuredPath) && (selected is null || Precedes(file.Path, selected.Path)))
            {
                selected = file;
            }
        }

        return selected;
    }

    /// <summary>
    /// Whether catalog file <paramref name="path"/> wins over <paramref name="other"/> when a project lists several: the
    /// earlier of <see cref="DefaultNames"/> (models.yaml over models.json5, as the build's targets choose), then the
    /// ordinally first path, so the choice never depends on the order of the AdditionalFiles items.
    /// </summary>
    public static bool Precedes(string path, string other)
    {
        int rank = Rank(path), otherRank = Rank(other);
        return rank != otherRank ? rank < otherRank : string.CompareOrdinal(path, other) < 0;
    }

    private static int Rank(string path)
    {
        var name = FileName(Normalize(path));
        for (int i = 0; i < DefaultNames.Length; i++)
        {
            if (string.Equals(name, DefaultNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return DefaultNames.Length;
    }

    /// <summary>
    /// The catalog file as messages name it: the <c>ModelCatalogFile</c> value as the project writes it
    /// (<c>config/catalog.json5</c>), else the file's name (<c>models.yml</c>).
    /// </summary>
    public static string DisplayName(string path, string? configuredPath)
    {
        if (configuredPath is not null)
        {
            var relative = configuredPath.StartsWith("./", StringComparison.Ordinal) ? configuredPath.Substring(2) : configuredPath;
            if (relative.Length > 0)
            {
                return relative;
            }
        }

        var name = FileName(Normalize(path));
        return name.Length > 0 ? name : DefaultFileName;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Generator;

/// <summary>
/// Which AdditionalFiles item is the catalog (README.md, "Catalog files as people write them"): the one the MSBuild property <c>ModelCatalogFile</c> names, else
/// any file named <c>models.yaml</c> or <c>models.yml</c>; with several candidates the ordinally first path wins. Shared by
/// generator and analyzers. OpenClaw's per-agent <c>models.json</c> is not picked up by name (the name is too common for
/// unrelated JSON); name it with <c>ModelCatalogFile</c>.
/// </summary>
internal static class CatalogFileSelector
{
    public const string DefaultFileName = "models.yaml";
    public const string ShortExtensionFileName = "models.yml";
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
            return string.Equals(name, DefaultFileName, StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(name, ShortExtensionFileName, StringComparison.OrdinalIgnoreCase);
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
            if (IsCatalog(file.Path, configuredPath) && (selected is null || string.CompareOrdinal(file.Path, selected.Path) < 0))
            {
                selected = file;
            }
        }

        return selected;
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

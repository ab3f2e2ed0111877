using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Generator;

/// <summary>
/// Which AdditionalFiles item is the catalog: the one the MSBuild property <c>ModelCatalogFile</c> names, else any file
/// named <c>models.yaml</c>; with several candidates the ordinally first path wins. Shared by generator and analyzers.
/// </summary>
internal static class CatalogFileSelector
{
    public const string DefaultFileName = "models.yaml";
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
            return string.Equals(FileName(normalized), DefaultFileName, StringComparison.OrdinalIgnoreCase);
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

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
}

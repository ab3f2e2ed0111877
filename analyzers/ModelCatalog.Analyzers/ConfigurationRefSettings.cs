using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The MSBuild side of configuration-file checks (README.md, "Model refs in configuration files"), as the package's
/// build files pass it: the <c>ModelCatalogCheckConfiguration</c> switch and the paths of the project's
/// <c>ModelCatalogRef</c> items (joined with <c>|</c> into <c>_ModelCatalogRefPaths</c> by ModelCatalog.targets: the compiler cuts a
/// <c>build_property</c> value at <c>;</c> or <c>#</c>, its comment characters).
/// </summary>
internal static class ConfigurationRefSettings
{
    public const string CheckPropertyKey = "build_property.ModelCatalogCheckConfiguration";

    public const string RefPathsPropertyKey = "build_property._ModelCatalogRefPaths";

    /// <summary>
    /// False when the project sets <c>ModelCatalogCheckConfiguration</c> to <c>false</c>, or to <c>no</c> or <c>off</c>:
    /// MSBuild conditions compare those as the boolean false, so the build files do not add the files then either.
    /// </summary>
    public static bool IsEnabled(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(CheckPropertyKey, out var value) || value is null)
        {
            return true;
        }

        value = value.Trim();
        return !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "no", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(value, "off", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds each <c>ModelCatalogRef</c> item's path (e.g. <c>Chat:FallbackModel</c>, <c>Agents:*:Model</c>) to <paramref name="paths"/>.</summary>
    public static void AddRefPaths(AnalyzerConfigOptions globalOptions, ConfigurationPathSet paths)
    {
        if (!globalOptions.TryGetValue(RefPathsPropertyKey, out var value) || value is null)
        {
            return;
        }

        foreach (var item in value.Split('|'))
        {
            var path = item.Trim();
            if (path.Length > 0)
            {
                paths.Add(ConfigurationPathSet.Split(path));
            }
        }
    }
}

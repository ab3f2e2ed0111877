using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// Reads a catalog text into the positioned <see cref="YamlNode"/> tree (README.md, "JSON5"; docs/architecture.md, "The pipeline"):
/// a text whose first token is <c>{</c> is JSON5 (<see cref="Json5TreeReader"/>), any other text is YAML
/// (<see cref="YamlTreeReader"/>). Both syntaxes share the limits here; beyond them the result is MC0001.
/// </summary>
internal static class CatalogTreeReader
{
    /// <summary>Nested mappings and lists allowed (a catalog needs five or six).</summary>
    public const int MaxDepth = 64;

    /// <summary>Characters allowed in one catalog text (8 MB).</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    /// <summary>Reads a file that messages call <c>models.yaml</c>.</summary>
    public static YamlNode? Read(string text, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken) =>
        Read(text, CatalogFileSelector.DefaultFileName, diagnostics, cancellationToken);

    /// <summary>
    /// Returns the root node (<c>null</c> for an empty document or after MC0001). Never throws except for cancellation.
    /// <paramref name="fileName"/> is the catalog file as the project names it (<c>models.yaml</c>, <c>config/catalog.json5</c>), for messages.
    /// </summary>
    public static YamlNode? Read(string text, string fileName, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLength)
        {
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, new TextRange(0, 0),
                fileName + " is too large (" + text.Length.ToString("N0", CultureInfo.InvariantCulture) +
                " characters; the limit is 8 MB): split it or keep only the providers you use"));
            return null;
        }

        return Json5TreeReader.StartsWithObject(text)
            ? Json5TreeReader.Read(text, fileName, diagnostics, cancellationToken)
            : YamlTreeReader.Read(text, fileName, diagnostics, cancellationToken);
    }

    /// <summary>MC0001 for a mapping or list opened at <paramref name="range"/> beyond <see cref="MaxDepth"/> levels.</summary>
    public static CatalogDiagnostic TooDeep(TextRange range, string fileName) => new(DiagnosticIds.InvalidSyntax, range,
        fileName + " nests deeper than " + MaxDepth + " levels; a catalog needs only a few levels");
}

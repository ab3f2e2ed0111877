using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ModelCatalog.Cli.Checking;

/// <summary>One checked catalog file and the diagnostics the build reports for it (CatalogFileDiagnostics).</summary>
internal sealed record CheckedFile(string Path, IReadOnlyList<Diagnostic> Diagnostics);

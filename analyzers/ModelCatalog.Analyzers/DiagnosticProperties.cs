namespace ModelCatalog.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that carry what a code fix needs, so the fixes
/// never re-read the catalog to rediscover what the analyzer already knew.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The value that should replace the ref (corrected case, nearest model, corrected provider).</summary>
    public const string Replacement = "Replacement";

    /// <summary>The generated constant's path below the namespace, e.g. <c>ModelIds.Minimax.MiniMaxM2_1</c>.</summary>
    public const string Constant = "Constant";

    /// <summary>The namespace of the generated code (<c>ModelCatalogNamespace</c>, else <c>RootNamespace</c>); empty = global.</summary>
    public const string Namespace = "Namespace";

    /// <summary>The provider part of the ref, as written (MC1002).</summary>
    public const string Provider = "Provider";

    /// <summary>The model-id part of the ref (MC1002).</summary>
    public const string ModelId = "ModelId";

    /// <summary>The path of the catalog file the analyzer read (MC1002); absent when the project has none.</summary>
    public const string CatalogPath = "CatalogPath";
}

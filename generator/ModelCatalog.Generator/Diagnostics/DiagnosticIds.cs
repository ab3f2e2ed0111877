namespace ModelCatalog.Generator.Diagnostics;

/// <summary>
/// Every ModelCatalog diagnostic id, in one place (see README.md#diagnostics). The ids live here, not with the descriptors
/// (analyzers/ModelCatalog.Analyzers/Diagnostics/DiagnosticDescriptors.cs), because they are rule data: the generator's
/// validator produces <c>CatalogDiagnostic(id, range, message)</c> values that the analyzers, code fixes and command-line
/// tools all read.
/// </summary>
internal static class DiagnosticIds
{
    public const string InvalidSyntax = "MC0001";
    public const string UnknownKey = "MC0002";
    public const string InvalidValue = "MC0003";
    public const string MissingField = "MC0004";
    public const string Duplicate = "MC0005";
    public const string LiteralSecret = "MC0006";
    public const string UnknownCatalogModel = "MC0007";
    public const string CatalogRefCaseMismatch = "MC0008";
    public const string CatalogRefUnknownProvider = "MC0009";
    public const string MaxTokensExceedsContext = "MC0010";
    public const string IdentifierCollision = "MC0011";
    public const string PerTokenPrice = "MC0012";
    public const string UncallableApi = "MC0013";
    public const string CatalogFileNotFound = "MC0014";
    public const string RefResolvedAtRunTime = "MC0015";

    public const string ModelRefCaseMismatch = "MC1001";
    public const string ModelRefUnknownProvider = "MC1002";
    public const string ModelRefUnknownModel = "MC1003";
    public const string UseModelIdsConstant = "MC1004";
}

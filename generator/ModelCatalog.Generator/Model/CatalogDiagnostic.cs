namespace ModelCatalog.Generator.Model;

/// <summary>A catalog diagnostic (MC0001–MC0011) at a range of models.yaml, with its finished message.</summary>
internal sealed record CatalogDiagnostic(string Id, TextRange Range, string Message);

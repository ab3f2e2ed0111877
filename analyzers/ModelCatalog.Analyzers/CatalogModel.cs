namespace ModelCatalog.Analyzers;

/// <summary>A catalog model as C# sees it: its canonical ref and the generated constant that holds it.</summary>
/// <param name="Ref">Canonical <c>provider/model-id</c> (the provider's catalog spelling).</param>
/// <param name="Constant">The constant's path below the generated namespace, e.g. <c>ModelIds.Minimax.MiniMaxM2_1</c>.</param>
internal sealed record CatalogModel(string Ref, string ProviderId, string ModelId, string Constant);

// Code fixes for the ModelCatalog analyzers live here: they need Microsoft.CodeAnalysis.Workspaces, which the
// command-line compiler does not load, so they cannot share the analyzer assembly (RS1038).

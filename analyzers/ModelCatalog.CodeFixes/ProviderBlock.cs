using System.Collections.Generic;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>A provider block to add to models.yaml: the template's fields and the model ids the code refers to.</summary>
internal sealed record ProviderBlock(ProviderTemplate Template, IReadOnlyList<string> ModelIds);

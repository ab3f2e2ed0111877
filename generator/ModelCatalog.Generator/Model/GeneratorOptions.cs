namespace ModelCatalog.Generator.Model;

/// <summary>The MSBuild properties the generator reads, reduced to an equatable value.</summary>
/// <param name="Namespace">Namespace of the generated types; <c>null</c> = the global namespace.</param>
/// <param name="IsPublic"><c>ModelCatalogVisibility=public</c>.</param>
/// <param name="NullableDirective">Emit <c>#nullable enable</c> (language version 8 or later).</param>
internal sealed record GeneratorOptions(string? Namespace, bool IsPublic, bool NullableDirective);

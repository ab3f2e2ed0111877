using System;

namespace ModelCatalog;

/// <summary>
/// Marks a parameter, property or field whose string value is a model ref (<c>provider/model-id</c>) or an
/// alias. ModelCatalog's analyzers check every value written to such a position against <c>models.yaml</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class ModelRefAttribute : Attribute
{
}

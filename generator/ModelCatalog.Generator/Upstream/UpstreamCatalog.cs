using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generator.Upstream;

/// <summary>
/// The catalog of a referenced project or package (README.md, "Test projects and split libraries"): found in the
/// <c>[assembly: AssemblyMetadata("ModelCatalog.Catalog", …)]</c> that the generator writes into every project that has
/// a catalog file. A project without a catalog file of its own uses it: its analyzers judge refs against it, and the
/// generator generates nothing, so the upstream types are the only ones.
/// </summary>
/// <param name="Text">The <see cref="CatalogManifest"/> text.</param>
/// <param name="Namespace">Namespace of the upstream generated types; <c>null</c> = the global namespace.</param>
/// <param name="AssemblyName">The referenced assembly that carries it.</param>
internal sealed record UpstreamCatalog(string Text, string? Namespace, string AssemblyName)
{
    /// <summary>
    /// The first referenced assembly (in reference order) that carries a catalog, or <c>null</c>. Only assemblies that
    /// reference the ModelCatalog runtime are inspected, so the scan costs a name comparison per reference.
    /// </summary>
    public static UpstreamCatalog? Find(Compilation compilation, System.Threading.CancellationToken cancellationToken = default)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == "ModelCatalog")))
            {
                continue;
            }

            string? text = null;
            string? ns = null;
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != "System.Reflection.AssemblyMetadataAttribute" || attribute.ConstructorArguments.Length != 2)
                {
                    continue;
                }

                var key = attribute.ConstructorArguments[0].Value as string;
                var value = attribute.ConstructorArguments[1].Value as string;
                if (key == CatalogManifest.CatalogKey)
                {
                    text = value;
                }
                else if (key == CatalogManifest.NamespaceKey)
                {
                    ns = value;
                }
            }

            if (text is not null)
            {
                return new UpstreamCatalog(text, string.IsNullOrEmpty(ns) ? null : ns, assembly.Identity.Name);
            }
        }

        return null;
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModelCatalog.Generator.Upstream;

/// <summary>
/// The catalog of a referenced project or package (README.md, "Test projects and split libraries"): found in the
/// <c>[assembly: AssemblyMetadata("ModelCatalog.Catalog", …)]</c> that the generator writes into every project that has
/// a catalog file. A project without a catalog file of its own uses it: its analyzers judge refs against it, and the
/// generator generates nothing, so the upstream types are the only ones. The project's own catalog assembly (compile
/// mode <c>assembly</c>, README.md "Compile mode") is one too, marked <see cref="IsCompiledForThisProject"/>.
/// </summary>
/// <param name="Text">The <see cref="CatalogManifest"/> text.</param>
/// <param name="Namespace">Namespace of the upstream generated types; <c>null</c> = the global namespace.</param>
/// <param name="AssemblyName">The referenced assembly that carries it; for a catalog assembly, the project it was compiled for.</param>
/// <param name="IsCompiledForThisProject">The assembly is this project's catalog assembly (<see cref="CatalogManifest.CompiledForKey"/>).</param>
internal sealed record UpstreamCatalog(string Text, string? Namespace, string AssemblyName, bool IsCompiledForThisProject)
{
    /// <summary>
    /// The first referenced assembly (in reference order) that carries a catalog whose generated types this compilation can
    /// use (public, or internal with <c>InternalsVisibleTo</c> this assembly), or <c>null</c>: types it cannot reach would
    /// leave the user with CS0103/CS0122, so such a catalog counts as absent and this project generates its own. Only
    /// assemblies that reference the ModelCatalog runtime are inspected, so the scan costs a name comparison per reference.
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
            string? compiledFor = null;
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != "System.Reflection.AssemblyMetadataAttribute" || attribute.ConstructorArguments.Length != 2)
                {
                    continue;
                }

                var key = attribute.ConstructorArguments[0].Value as string;
                var value = attribute.ConstructorArguments[1].Value as string;
                switch (key)
                {
                    case CatalogManifest.CatalogKey: text = value; break;
                    case CatalogManifest.NamespaceKey: ns = value; break;
                    case CatalogManifest.CompiledForKey: compiledFor = value; break;
                }
            }

            if (text is not null && IsReachable(compilation, assembly, ns))
            {
                // A catalog assembly is named after its project in messages ("the catalog of Shop"): that is where the catalog is.
                return new UpstreamCatalog(text, string.IsNullOrEmpty(ns) ? null : ns, compiledFor ?? assembly.Identity.Name,
                    compiledFor is not null && compiledFor == compilation.AssemblyName);
            }
        }

        return null;
    }

    /// <summary>The upstream <c>GeneratedModelCatalog</c> type exists and is accessible from this compilation's assembly.</summary>
    private static bool IsReachable(Compilation compilation, IAssemblySymbol assembly, string? ns)
    {
        var type = assembly.GetTypeByMetadataName(string.IsNullOrEmpty(ns) ? "GeneratedModelCatalog" : ns + ".GeneratedModelCatalog");
        return type is not null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
    }
}

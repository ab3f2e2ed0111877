using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator;

/// <summary>
/// One catalog pass per catalog text, shared by the generator and every analyzer in the process: keyed by the
/// <see cref="SourceText"/> instance (alive as long as the compiler or IDE holds it), with a fallback on equal content
/// so a re-read of an unchanged file is not parsed again.
/// </summary>
internal static class CompiledCatalogCache
{
    private static readonly ConditionalWeakTable<SourceText, CompiledCatalog> ByText = new();
    private static (string Text, CompiledCatalog Catalog)? s_last;

    public static CompiledCatalog Get(SourceText text, CancellationToken cancellationToken)
    {
        if (ByText.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var content = text.ToString();
        var last = s_last;
        var compiled = last is { } entry && entry.Text == content ? entry.Catalog : CatalogCompiler.Compile(content, cancellationToken);
        s_last = (content, compiled);
        try
        {
            ByText.Add(text, compiled);
        }
        catch (System.ArgumentException)
        {
            // Another thread compiled the same text first; both results are equal.
        }

        return compiled;
    }
}

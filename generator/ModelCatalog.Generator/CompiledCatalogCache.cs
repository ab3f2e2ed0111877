using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator;

/// <summary>
/// One catalog pass per catalog text, shared by the generator and every analyzer in the process: keyed by the
/// <see cref="SourceText"/> instance (alive as long as the compiler or IDE holds it), with a fallback on equal content
/// so a re-read of an unchanged file is not parsed again. The file's display name is part of the key because messages
/// name the file (<see cref="CatalogFileSelector.DisplayName"/>).
/// </summary>
internal static class CompiledCatalogCache
{
    private static readonly ConditionalWeakTable<SourceText, Entry> ByText = new();
    private static (string Text, string FileName, CompiledCatalog Catalog)? s_last;

    public static CompiledCatalog Get(SourceText text, string fileName, CancellationToken cancellationToken)
    {
        if (ByText.TryGetValue(text, out var cached) && cached.FileName == fileName)
        {
            return cached.Catalog;
        }

        var content = text.ToString();
        var last = s_last;
        var compiled = last is { } entry && entry.Text == content && entry.FileName == fileName
            ? entry.Catalog
            : CatalogCompiler.Compile(content, fileName, cancellationToken);
        s_last = (content, fileName, compiled);
        try
        {
            if (cached is null)
            {
                ByText.Add(text, new Entry(fileName, compiled));
            }
        }
        catch (System.ArgumentException)
        {
            // Another thread compiled the same text first; both results are equal.
        }

        return compiled;
    }

    private sealed record Entry(string FileName, CompiledCatalog Catalog);
}

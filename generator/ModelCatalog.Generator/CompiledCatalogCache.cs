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
    private static readonly ConditionalWeakTable<string, Entry> ByString = new();

    // One immutable object holding text, name and catalog, published by a single reference write: a reader sees either
    // the old entry or the new one, never the text of one and the catalog of another (a multi-field struct can tear).
    private static LastCompiled? s_last;

    /// <summary>The catalog of a catalog file's text; <paramref name="fileName"/> is the name its messages use.</summary>
    public static CompiledCatalog Get(SourceText text, string fileName, CancellationToken cancellationToken)
    {
        if (ByText.TryGetValue(text, out var cached) && cached.FileName == fileName)
        {
            return cached.Catalog;
        }

        var compiled = CompileOrReuse(text.ToString(), fileName, cancellationToken);
        if (cached is null)
        {
            try
            {
                ByText.Add(text, new Entry(fileName, compiled));
            }
            catch (System.ArgumentException)
            {
                // Another thread compiled the same text first; both results are equal.
            }
        }

        return compiled;
    }

    /// <summary>
    /// The catalog of a text that is not a file (an upstream project's manifest): keyed by the string instance, which the
    /// compiler keeps for as long as it keeps the referenced assembly, with the same equal-content fallback.
    /// </summary>
    public static CompiledCatalog Get(string content, string fileName, CancellationToken cancellationToken)
    {
        if (ByString.TryGetValue(content, out var cached) && cached.FileName == fileName)
        {
            return cached.Catalog;
        }

        var compiled = CompileOrReuse(content, fileName, cancellationToken);
        if (cached is null)
        {
            try
            {
                ByString.Add(content, new Entry(fileName, compiled));
            }
            catch (System.ArgumentException)
            {
                // Another thread compiled the same text first; both results are equal.
            }
        }

        return compiled;
    }

    private static CompiledCatalog CompileOrReuse(string content, string fileName, CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref s_last);
        var compiled = last is not null && last.Text == content && last.FileName == fileName
            ? last.Catalog
            : CatalogCompiler.Compile(content, fileName, cancellationToken);
        Volatile.Write(ref s_last, new LastCompiled(content, fileName, compiled));
        return compiled;
    }

    private sealed record Entry(string FileName, CompiledCatalog Catalog);

    private sealed record LastCompiled(string Text, string FileName, CompiledCatalog Catalog);
}

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
    // One immutable object holding text and catalog, published by a single reference write: a reader sees either the
    // old pair or the new one, never the text of one and the catalog of another (a two-field struct can tear).
    private static LastCompiled? s_last;

    private static readonly ConditionalWeakTable<string, CompiledCatalog> ByString = new();

    /// <summary>
    /// The catalog of a text that is not a file (an upstream project's manifest): keyed by the string instance, which the
    /// compiler keeps for as long as it keeps the referenced assembly, with the same equal-content fallback.
    /// </summary>
    public static CompiledCatalog Get(string content, CancellationToken cancellationToken)
    {
        if (ByString.TryGetValue(content, out var cached))
        {
            return cached;
        }

        var compiled = CompileOrReuse(content, cancellationToken);
        try
        {
            ByString.Add(content, compiled);
        }
        catch (System.ArgumentException)
        {
            // Another thread compiled the same text first; both results are equal.
        }

        return compiled;
    }

    public static CompiledCatalog Get(SourceText text, CancellationToken cancellationToken)
    {
        if (ByText.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var compiled = CompileOrReuse(text.ToString(), cancellationToken);
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

    private static CompiledCatalog CompileOrReuse(string content, CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref s_last);
        var compiled = last is not null && last.Text == content ? last.Catalog : CatalogCompiler.Compile(content, cancellationToken);
        Volatile.Write(ref s_last, new LastCompiled(content, compiled));
        return compiled;
    }

    private sealed class LastCompiled
    {
        public LastCompiled(string text, CompiledCatalog catalog)
        {
            Text = text;
            Catalog = catalog;
        }

        public string Text { get; }

        public CompiledCatalog Catalog { get; }
    }
}

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelCatalog.Benchmarks;

/// <summary>A catalog file as the compiler or IDE hands it to the generator and analyzers: one <see cref="SourceText"/> per version.</summary>
internal sealed class CatalogText : AdditionalText
{
    private readonly SourceText _text;

    public CatalogText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

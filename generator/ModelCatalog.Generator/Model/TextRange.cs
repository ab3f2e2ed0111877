namespace ModelCatalog.Generator.Model;

/// <summary>A character range in the catalog text (positions stay plain integers so pipeline values stay equatable).</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public static TextRange FromBounds(int start, int end) => new(start, end < start ? 0 : end - start);
}

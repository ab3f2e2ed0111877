namespace ModelCatalog.Generator.Validation;

/// <summary>
/// What a value message names, e.g. <c>model 'acme/m1' cost.input</c>, kept as its parts (the entry, then the field and
/// key written after it) and joined only when a message is reported: a catalog pass reads tens of thousands of valid
/// values, and building the name of each (a string per field of every model) was a large share of its allocations.
/// </summary>
internal readonly struct Subject
{
    private readonly string _first;
    private readonly string? _second;
    private readonly string? _third;
    private readonly string? _fourth;
    private readonly string? _fifth;

    public Subject(string first, string? second = null, string? third = null, string? fourth = null, string? fifth = null)
    {
        _first = first;
        _second = second;
        _third = third;
        _fourth = fourth;
        _fifth = fifth;
    }

    public static implicit operator Subject(string where) => new(where);

    public override string ToString() => string.Concat(_first, _second, _third, _fourth) + _fifth;
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Generator.Tests.Infrastructure;

internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    public TestAnalyzerConfigOptions(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = ImmutableDictionary.CreateRange(KeyComparer, values);

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}

internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly TestAnalyzerConfigOptions Empty = new(Array.Empty<KeyValuePair<string, string>>());

    public TestAnalyzerConfigOptionsProvider(params (string Key, string Value)[] globals) =>
        GlobalOptions = new TestAnalyzerConfigOptions(Array.ConvertAll(globals, g => new KeyValuePair<string, string>(g.Key, g.Value)));

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
}

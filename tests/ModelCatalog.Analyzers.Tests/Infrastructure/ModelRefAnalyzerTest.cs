using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer-only test of <see cref="ModelRefAnalyzer"/> with the generator running (see <see cref="ModelRefTestSetup"/>).</summary>
internal sealed class ModelRefAnalyzerTest : CSharpAnalyzerTest<ModelRefAnalyzer, DefaultVerifier>
{
    public ModelRefAnalyzerTest(string source, string? catalog, string? globalConfig = ModelRefTestSetup.GlobalConfig)
    {
        TestCode = source;
        ModelRefTestSetup.Apply(this, catalog, globalConfig);
    }

    protected override IEnumerable<Type> GetSourceGenerators() => ModelRefTestSetup.Generators;
}

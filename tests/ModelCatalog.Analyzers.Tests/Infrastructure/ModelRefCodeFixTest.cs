using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code-fix test of <see cref="ModelRefAnalyzer"/> + <typeparamref name="TCodeFix"/>; the framework also runs Fix All in
/// document, project and solution scope and checks that no fixable diagnostic is left.
/// </summary>
internal sealed class ModelRefCodeFixTest<TCodeFix> : CSharpCodeFixTest<ModelRefAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public ModelRefCodeFixTest(string source, string fixedSource, string? catalog, string? globalConfig = ModelRefTestSetup.GlobalConfig)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ModelRefTestSetup.Apply(this, catalog, globalConfig);
    }

    protected override IEnumerable<Type> GetSourceGenerators() => ModelRefTestSetup.Generators;
}

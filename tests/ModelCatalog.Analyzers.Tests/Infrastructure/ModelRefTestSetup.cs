using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Generator;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// The project every ModelRef test compiles: .NET 8 reference assemblies (no download), the runtime (ModelRefAttribute,
/// the types generated code uses), Microsoft.Extensions.AI.Abstractions (ChatOptions), RootNamespace = Demo, and the
/// generator itself, so fixed code that names <c>ModelIds</c> constants must really compile.
/// </summary>
internal static class ModelRefTestSetup
{
    public const string CatalogPath = "/0/models.yaml";

    public const string GlobalConfig = "is_global = true\nbuild_property.RootNamespace = Demo\n";

    public static readonly Type[] Generators = { typeof(ModelCatalogGenerator) };

    public static void Apply(AnalyzerTest<DefaultVerifier> test, string? catalog, string? globalConfig = GlobalConfig)
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences());
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        if (catalog is not null)
        {
            test.TestState.AdditionalFiles.Add((CatalogPath, catalog));
        }

        // The generated files are the generator tests' business; here they only have to compile.
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>
    /// Adds <see cref="TestCatalogs.CatalogOnlyApp"/> as a second file (to the fixed states too), so the project's only
    /// client is the catalog's: evidence that its ChatOptions.ModelId values target the catalog (README.md, "Model refs in C#").
    /// </summary>
    public static TTest WithCatalogOnlyApp<TTest>(this TTest test)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.Sources.Add(("/0/CatalogOnlyApp.cs", TestCatalogs.CatalogOnlyApp));
        if (test is CodeFixTest<DefaultVerifier> fix)
        {
            fix.FixedState.Sources.Add(("/0/CatalogOnlyApp.cs", TestCatalogs.CatalogOnlyApp));
            if (fix.BatchFixedState.InheritanceMode == StateInheritanceMode.Explicit)
            {
                fix.BatchFixedState.Sources.Add(("/0/CatalogOnlyApp.cs", TestCatalogs.CatalogOnlyApp));
            }
        }

        return test;
    }

    /// <summary>
    /// The runtime's net8.0 build and the net8.0 build of Microsoft.Extensions.AI.Abstractions (copied to ref/net8.0 by the
    /// project file), to match the net8.0 reference assemblies: the net10.0 build the test process loads would fail to
    /// compile here (CS1705, System.Runtime 10).
    /// </summary>
    public static IEnumerable<MetadataReference> RuntimeReferences()
    {
        yield return MetadataReference.CreateFromFile(typeof(ModelCatalog.Catalog).Assembly.Location);
        yield return MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "ref", "net8.0", "Microsoft.Extensions.AI.Abstractions.dll"));
    }
}

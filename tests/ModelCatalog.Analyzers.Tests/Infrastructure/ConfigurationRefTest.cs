using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test of <see cref="ConfigurationRefAnalyzer"/>: the ModelRef test project (<see cref="ModelRefTestSetup"/>)
/// plus the options and configuration-binding APIs (net8.0 builds), a C# source and configuration files as additional files.
/// </summary>
internal sealed class ConfigurationRefTest : CSharpAnalyzerTest<ConfigurationRefAnalyzer, DefaultVerifier>
{
    public ConfigurationRefTest(string source, string? catalog, string? globalConfig = ModelRefTestSetup.GlobalConfig, params (string Path, string Text)[] files)
    {
        TestCode = source;
        ModelRefTestSetup.Apply(this, catalog, globalConfig);
        TestState.AdditionalReferences.AddRange(ConfigurationReferences());
        foreach (var file in files)
        {
            TestState.AdditionalFiles.Add(file);
        }
    }

    /// <summary>An app that binds <c>ChatSettings</c> (a <c>[ModelRef]</c> Model and Fallbacks list) to the section <c>Chat</c>.</summary>
    public const string ChatBinding = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class ChatSettings
        {
            [ModelCatalog.ModelRef] public string Model { get; set; } = "";
            [ModelCatalog.ModelRef] public string[] Fallbacks { get; set; } = [];
        }

        static class Startup
        {
            public static void Add(IServiceCollection services, IConfiguration config) => services.Configure<ChatSettings>(config.GetSection("Chat"));
        }
        """;

    /// <summary>The net8.0 builds of the configuration, options and hosting packages (copied to ref/net8.0 by the project file).</summary>
    public static IEnumerable<MetadataReference> ConfigurationReferences()
    {
        foreach (var name in new[]
        {
            "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.Configuration.Abstractions",
            "Microsoft.Extensions.Options", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Primitives",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Configuration",
        })
        {
            yield return MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "ref", "net8.0", name + ".dll"));
        }
    }

    protected override IEnumerable<Type> GetSourceGenerators() => ModelRefTestSetup.Generators;
}

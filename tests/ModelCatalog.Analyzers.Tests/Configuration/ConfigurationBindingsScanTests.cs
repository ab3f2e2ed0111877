using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Configuration;

/// <summary>
/// <see cref="ConfigurationBindings.Collect"/> called directly, without the analyzer's catch-all, so an exception fails the
/// test: code that does not compile, variables that refer to each other in a cycle, and the exact paths that come out.
/// </summary>
public sealed class ConfigurationBindingsScanTests
{
    [Fact]
    public void BrokenAndCyclicCode_NoException_OnlyTheKnownBinding()
    {
        var paths = Collect("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using ModelCatalog;

            public sealed class ChatSettings { [ModelRef] public string Model { get; set; } = ""; public ChatSettings Inner { get; set; } = null!; }

            public sealed class Cycles
            {
                private readonly IConfiguration _a;
                private readonly IConfiguration _b;
                private static readonly string s_key = s_other;
                private static readonly string s_other = s_key;

                public Cycles(IConfiguration config)
                {
                    _a = _b;
                    _b = _a;
                }

                public void Add(IServiceCollection services, IConfiguration config)
                {
                    services.Configure<ChatSettings>(config.GetSection("Ok"));
                    services.Configure<ChatSettings>(_a.GetSection("A"));
                    services.Configure<ChatSettings>(config.GetSection(s_key));
                    services.Configure<ChatSettings>(config.GetSection(null));
                    services.Configure<ChatSettings>(config.GetSection());
                    services.Configure<ChatSettings>(
                    services.Configure<ChatSettings>(config.GetSection("Inside"));
                    (var x, var y) = (config.GetSection("X"), config.GetSection("Y"));
                    services.Configure<ChatSettings>(x);
                    config.GetSection("Z").Bind(
                }
            """);

        Assert.True(IsRef(paths, "Ok:Model"));
        foreach (var notBound in new[] { "Model", "A:Model", "X:Model", "Z:Model", ":Model", "Ok:Other" })
        {
            Assert.False(IsRef(paths, notBound), notBound);
        }
    }

    private static ConfigurationPathSet Collect(string source)
    {
        var compilation = CSharpCompilation.Create("Demo",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Program.cs") },
            Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()).Concat(ConfigurationRefTest.ConfigurationReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error); // it really is broken code
        var paths = new ConfigurationPathSet();
        ConfigurationBindings.Collect(compilation, paths, CancellationToken.None);
        return paths;
    }

    private static bool IsRef(ConfigurationPathSet paths, string path)
    {
        var nodes = new List<ConfigurationPathSet.Node> { paths.Root };
        foreach (var key in ConfigurationPathSet.Split(path))
        {
            var next = new List<ConfigurationPathSet.Node>();
            nodes.ForEach(n => n.Step(key, next));
            nodes = next;
        }

        return nodes.Exists(n => n.IsRef);
    }
}

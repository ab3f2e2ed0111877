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

    [Fact]
    public void Roots_BuiltConfiguration_ALocalHoldingTheRoot_ARootTypedField()
    {
        var paths = Collect("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using ModelCatalog;

            public sealed class ChatSettings { [ModelRef] public string Model { get; set; } = ""; }

            public sealed class Roots
            {
                private IConfigurationRoot _root = new ConfigurationBuilder().Build();
                private IConfiguration _maybeSection = new ConfigurationBuilder().Build();

                public void Add(HostApplicationBuilder builder, bool local)
                {
                    var built = new ConfigurationBuilder().AddInMemoryCollection().Build();
                    built.GetSection("Built").Bind(new ChatSettings());
                    IConfiguration configuration = builder.Configuration;
                    builder.Services.Configure<ChatSettings>(configuration.GetSection("Held"));
                    _root.GetSection("Field").Bind(new ChatSettings());
                    _maybeSection.GetSection("Maybe").Bind(new ChatSettings());
                    _ = new ConfigurationManager().GetSection("Manager").Get<ChatSettings>();
                    _root = null!;
                    _maybeSection = null!;
                }
            }
            """, expectErrors: false);

        foreach (var bound in new[] { "Built:Model", "Held:Model", "Field:Model", "Manager:Model" })
        {
            Assert.True(IsRef(paths, bound), bound);
        }

        Assert.False(IsRef(paths, "Maybe:Model")); // an IConfiguration field written twice may hold a section
        Assert.False(IsRef(paths, "Model"));
    }

    private static ConfigurationPathSet Collect(string source, bool expectErrors = true)
    {
        var compilation = CSharpCompilation.Create("Demo",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Program.cs") },
            Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()).Concat(ConfigurationRefTest.ConfigurationReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (expectErrors)
        {
            Assert.NotEmpty(errors); // it really is broken code
        }
        else
        {
            Assert.Empty(errors);
        }

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

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ModelRefAnalyzer"/> the way the command-line compiler does — a compilation whose options carry the
/// .editorconfig/.globalconfig severities, no generator, no workspace — for the large-catalog test (fast) and for the
/// severity tests (Microsoft.CodeAnalysis.Testing 1.1.4 applies "none" from config files but not a raised severity).
/// </summary>
internal static class DirectAnalyzerRunner
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? catalog, params (string Path, string Text)[] configFiles) =>
        RunAsync(source, catalog, ModelRefTestSetup.RuntimeReferences(), configFiles);

    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? catalog, IEnumerable<MetadataReference> references, params (string Path, string Text)[] configFiles) =>
        RunAsync(source, catalog, references, new ModelRefAnalyzer(), configFiles);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? catalog, IEnumerable<MetadataReference> references, DiagnosticAnalyzer analyzer,
        params (string Path, string Text)[] configFiles)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Program.cs");
        var configs = configFiles.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToList();
        configs.Add(AnalyzerConfig.Parse(ModelRefTestSetup.GlobalConfig, "/.modelcatalog.globalconfig"));
        var configSet = AnalyzerConfigSet.Create(configs);
        var treeOptions = configSet.GetOptionsForSourcePath(tree.FilePath);

        var compilation = CSharpCompilation.Create("Demo", new[] { tree },
            Basic.Reference.Assemblies.Net80.References.All.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSyntaxTreeOptionsProvider(new ConfigTreeOptions(tree, treeOptions.TreeOptions, configSet.GlobalConfigOptions.TreeOptions)));

        var additionalFiles = catalog is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ModelRefTestSetup.CatalogPath, catalog));
        var options = new AnalyzerOptions(additionalFiles, new ConfigOptionsProvider(configSet.GlobalConfigOptions.AnalyzerOptions));
        return await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What csc builds from the config files: per-tree severities, then the global config's.</summary>
    private sealed class ConfigTreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _treeOptions;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _globalOptions;

        public ConfigTreeOptions(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> treeOptions, ImmutableDictionary<string, ReportDiagnostic> globalOptions)
        {
            _tree = tree;
            _treeOptions = treeOptions;
            _globalOptions = globalOptions;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (tree == _tree)
            {
                return _treeOptions.TryGetValue(diagnosticId, out severity);
            }

            severity = default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _globalOptions.TryGetValue(diagnosticId, out severity);
    }

    internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;

        public ConfigOptionsProvider(ImmutableDictionary<string, string> global) => _global = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Checks model refs in the project's <c>appsettings.json</c> and <c>appsettings.*.json</c> (README.md, "Model refs in
/// configuration files"): values at a path bound to a <c>[ModelRef]</c> property or named by a <c>ModelCatalogRef</c>
/// item are judged like <c>[ModelRef]</c> values in C#; values under a key ending in <c>ModelId</c> like
/// <c>ChatOptions.ModelId</c> values whose provider the catalog uses. MC1001–MC1003 go to the value's line and column in
/// the JSON file, from an additional-file action, so they are live in the IDE while the file is edited.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationRefAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ModelRefCaseMismatch,
        DiagnosticDescriptors.ModelRefUnknownProvider,
        DiagnosticDescriptors.ModelRefUnknownModel);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Nothing to do (and nothing computed) in a project without configuration files or with the check switched off.
            var globalOptions = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!HasConfigurationFile(start.Options.AdditionalFiles) || !ConfigurationRefSettings.IsEnabled(globalOptions))
            {
                return;
            }

            var checks = new ConfigurationChecks(start.Compilation, start.Options);
            start.RegisterAdditionalFileAction(checks.AnalyzeFile);
        });
    }

    private static bool HasConfigurationFile(ImmutableArray<AdditionalText> files)
    {
        foreach (var file in files)
        {
            if (ConfigurationFile.IsConfigurationFile(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One compilation's checks: the catalog and the model-ref paths are computed once, on the first configuration file
    /// that has a candidate value, and shared by the file actions (which may run concurrently).
    /// </summary>
    private sealed class ConfigurationChecks
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly ChatOptionsCheckMode _mode;
        private readonly Dictionary<string, AdditionalText> _checkedByPath;
        private readonly object _gate = new();
        private ConfigurationPathSet? _paths;
        private CatalogRefs? _refs;

        public ConfigurationChecks(Compilation compilation, AnalyzerOptions options)
        {
            _compilation = compilation;
            _options = options;
            _mode = ChatOptionsCheckModeReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);
            _checkedByPath = new Dictionary<string, AdditionalText>(ConfigurationFile.PathComparer);
            foreach (var file in options.AdditionalFiles)
            {
                if (!ConfigurationFile.IsConfigurationFile(file.Path))
                {
                    continue;
                }

                var key = ConfigurationFile.NormalizedPath(file.Path);
                if (!_checkedByPath.TryGetValue(key, out var chosen) || file.Path.Length < chosen.Path.Length ||
                    (file.Path.Length == chosen.Path.Length && string.CompareOrdinal(file.Path, chosen.Path) < 0))
                {
                    _checkedByPath[key] = file;
                }
            }
        }

        /// <summary>
        /// A file listed twice as AdditionalFiles (once by a Directory.Build.targets with a relative path, once by the package
        /// with a full path, say) is checked in one listing only, so each ref is reported once: the one with the shortest path
        /// as written (then the first in ordinal order), whatever order the host lists them in (the IDE's is not the
        /// command line's). The analyzer is the one place that sees every listing, whoever added them.
        /// </summary>
        private bool IsCheckedListing(AdditionalText file)
        {
            if (!_checkedByPath.TryGetValue(ConfigurationFile.NormalizedPath(file.Path), out var chosen) || ReferenceEquals(chosen, file))
            {
                return true;
            }

            // Another listing; or a host that hands the action its own copy of the chosen one (same path as written).
            return string.Equals(chosen.Path, file.Path, StringComparison.Ordinal) && !ContainsReference(_options.AdditionalFiles, file);
        }

        private static bool ContainsReference(ImmutableArray<AdditionalText> files, AdditionalText file)
        {
            foreach (var candidate in files)
            {
                if (ReferenceEquals(candidate, file))
                {
                    return true;
                }
            }

            return false;
        }

        public void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            try
            {
                var file = context.AdditionalFile;
                if (!ConfigurationFile.IsConfigurationFile(file.Path) || !IsCheckedListing(file) || file.GetText(context.CancellationToken) is not { } text)
                {
                    return;
                }

                var paths = Paths(context.CancellationToken);
                var values = ConfigurationFile.Candidates(text.ToString(), paths, context.CancellationToken);
                if (values.Count == 0)
                {
                    return;
                }

                var refs = Refs(context.CancellationToken);
                foreach (var value in values)
                {
                    var kind = value.IsBoundRef ? RefPositionKind.ModelRef : ModelIdKind(value, refs);
                    if (kind != RefPositionKind.None && refs.Check(LocationOf(file.Path, text, value), value.Value, kind, isLiteral: false) is { } diagnostic)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never AD0001: a file that cannot be checked gets no diagnostics, and the rest of the build goes on.
            }
        }

        /// <summary>
        /// A value under a <c>…ModelId</c> key is checked as the ChatOptions rule checks <c>ChatOptions.ModelId</c> (README.md,
        /// "Model refs in C#"): with <c>auto</c> only when its provider part (or a near miss of it) is one the catalog uses.
        /// A configuration file holds no client, so that is the evidence for; a section named after another service
        /// (<see cref="ForeignClientSections"/>) is evidence against.
        /// </summary>
        private RefPositionKind ModelIdKind(ConfigurationValue value, CatalogRefs refs) => _mode switch
        {
            ChatOptionsCheckMode.Never => RefPositionKind.None,
            ChatOptionsCheckMode.Always => RefPositionKind.ChatOptionsModelId,
            _ => ModelRefParts.TrySplit(value.Value, out var provider, out _) && refs.Use.IsUsedOrNear(provider) &&
                 !ForeignClientSections.HoldsAnotherClient(value.Path, provider, refs.Use)
                ? RefPositionKind.ChatOptionsModelId
                : RefPositionKind.None,
        };

        private ConfigurationPathSet Paths(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_paths is null)
                {
                    var paths = new ConfigurationPathSet();
                    ConfigurationRefSettings.AddRefPaths(_options.AnalyzerConfigOptionsProvider.GlobalOptions, paths);
                    ConfigurationBindings.Collect(_compilation, paths, cancellationToken);
                    _paths = paths; // only a complete set is kept: a cancelled scan is redone by the next file
                }

                return _paths;
            }
        }

        private CatalogRefs Refs(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _refs ??= CatalogRefs.Create(_compilation, _options, cancellationToken);
            }
        }

        private static Location LocationOf(string path, SourceText text, ConfigurationValue value)
        {
            int start = Math.Min(Math.Max(value.Range.Start, 0), text.Length);
            var span = TextSpan.FromBounds(start, Math.Min(Math.Max(value.Range.End, start), text.Length));
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}

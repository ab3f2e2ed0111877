using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Helpers;
using ModelCatalog.Generator.Merging;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Naming;
using ModelCatalog.Generator.Reading;
using ModelCatalog.Generator.Validation;

namespace ModelCatalog.Generator;

/// <summary>
/// One catalog pass, shared by the generator and the analyzers: read (MC0001) → check fields (MC0002–MC0006, MC0012) →
/// merge with the built-in catalog (MC0004, MC0006, MC0010) → check refs (MC0005, MC0007–MC0009) → check what the
/// default refs name (MC0013) → name (MC0011) → an equatable <see cref="CatalogSpec"/>. Never throws on any input (only on cancellation).
/// </summary>
internal static class CatalogCompiler
{
    private static readonly Lazy<ParsedCatalog> BuiltIn = new(() => Parse(BuiltInCatalog.Text, CatalogFileSelector.DefaultFileName, new List<CatalogDiagnostic>(), CancellationToken.None));
    private static readonly Lazy<CompiledCatalog> BuiltInOnly = new(() => Compile(string.Empty, CancellationToken.None));

    /// <summary>The built-in catalog alone (no models.yaml, or after MC0001).</summary>
    public static CompiledCatalog BuiltInCatalogOnly => BuiltInOnly.Value;

    /// <summary>Compiles a catalog whose messages call it <c>models.yaml</c>.</summary>
    public static CompiledCatalog Compile(string text, CancellationToken cancellationToken) =>
        Compile(text, CatalogFileSelector.DefaultFileName, cancellationToken);

    /// <summary>Compiles a catalog; messages name it <paramref name="fileName"/> (see <see cref="CatalogFileSelector.DisplayName"/>).</summary>
    public static CompiledCatalog Compile(string text, string fileName, CancellationToken cancellationToken)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var user = Parse(text, fileName, diagnostics, cancellationToken);
        if (diagnostics.Exists(d => d.Id == DiagnosticIds.InvalidSyntax))
        {
            // A file that cannot be read contributes nothing: the built-in catalog alone keeps every typed id working.
            user = new ParsedCatalog();
        }

        PerTokenPriceCheck.Check(user, diagnostics);

        var providers = CatalogMerger.Merge(BuiltIn.Value, user, diagnostics);
        var refs = new RefValidator(providers, BuiltIn.Value.Providers.Select(p => p.Id), diagnostics);
        refs.Validate(user);
        UncallableApiCheck.Check(refs.Resolved, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        var spec = BuildSpec(providers, refs, diagnostics) with
        {
            EnvironmentAliases = user.EnvironmentAliases.Select(e => new EnvironmentAliasSpec(e.Key, e.Value)).ToEquatableArray(),
        };
        diagnostics.Sort((a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : string.CompareOrdinal(a.Id, b.Id));
        return new CompiledCatalog(spec, WithoutRepeats(diagnostics).ToEquatableArray())
        {
            UnusableProviders = providers.Where(p => p.IsInvalid).Select(p => p.Id).ToEquatableArray(),
            UsedProviders = CatalogUse.UsedProviders(user),
        };
    }

    private static ParsedCatalog Parse(string text, string fileName, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken) =>
        CatalogDocumentReader.Read(CatalogTreeReader.Read(text, fileName, diagnostics, cancellationToken), fileName, diagnostics);

    /// <summary>
    /// A mapping inherited through an alias or a merge key ('&lt;&lt;: *base') is read once per use, so a problem inside
    /// it would be reported once per use at the same place: keep the first report of each id at each range.
    /// </summary>
    private static List<CatalogDiagnostic> WithoutRepeats(List<CatalogDiagnostic> sorted)
    {
        var result = new List<CatalogDiagnostic>(sorted.Count);
        foreach (var diagnostic in sorted)
        {
            bool repeat = false;
            for (int i = result.Count - 1; i >= 0 && result[i].Range.Start == diagnostic.Range.Start; i--)
            {
                repeat |= result[i].Id == diagnostic.Id && result[i].Range == diagnostic.Range;
            }

            if (!repeat)
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    private static CatalogSpec BuildSpec(List<MergedProvider> merged, RefValidator refs, List<CatalogDiagnostic> diagnostics)
    {
        var valid = merged.Where(p => !p.IsInvalid).ToList();
        var byId = valid.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var classNames = NameAllocator.Allocate(valid.Select(p => p.Id), enclosingClass: null, (id, owner, name) =>
            ReportCollision(diagnostics, byId[id].UserKeyRange, "provider '" + id + "'", "provider '" + owner + "'", name));

        var providers = new ProviderSpec[valid.Count];
        for (int i = 0; i < valid.Count; i++)
        {
            var provider = valid[i];
            var className = classNames[provider.Id];
            var modelsById = provider.ModelsById;
            var memberNames = NameAllocator.Allocate(provider.Models.Select(m => m.Id), className, (id, owner, name) =>
                ReportCollision(diagnostics, modelsById[id].UserIdRange, "model '" + provider.Id + "/" + id + "'", "'" + provider.Id + "/" + owner + "'", name));

            var models = new ModelSpec[provider.Models.Count];
            for (int m = 0; m < models.Length; m++)
            {
                var model = provider.Models[m];
                models[m] = new ModelSpec(model.Id, memberNames[model.Id], model.Name ?? model.Id, model.Api, model.Reasoning, model.Input,
                    model.Cost, model.ContextWindow!.Value, model.MaxTokens!.Value, Headers(model.Headers));
            }

            providers[i] = new ProviderSpec(provider.Id, className, provider.BaseUrl!, provider.Api!, provider.ApiKey, provider.ApiKeyOmitted,
                provider.AuthHeader, provider.HasNoKeyMarker, Headers(provider.Headers), new EquatableArray<ModelSpec>(models));
        }

        var aliasRanges = refs.Aliases.ToDictionary(a => a.Key.Value, a => a.Key.Range, StringComparer.Ordinal);
        var aliasNames = NameAllocator.Allocate(aliasRanges.Keys, "Aliases", (alias, owner, name) =>
            ReportCollision(diagnostics, aliasRanges[alias], "alias '" + alias + "'", "alias '" + owner + "'", name));
        var aliases = refs.Aliases.Select(a => new AliasSpec(a.Key.Value, aliasNames[a.Key.Value], a.Value)).ToEquatableArray();

        return new CatalogSpec(new EquatableArray<ProviderSpec>(providers), aliases, refs.Primary, refs.Fallbacks.ToEquatableArray(), refs.Allowlist.ToEquatableArray())
        {
            ExcludedBuiltIns = refs.ExcludedBuiltIns.ToEquatableArray(),
        };
    }

    private static EquatableArray<HeaderSpec> Headers(List<MergedHeader> headers) =>
        headers.Count == 0 ? EquatableArray<HeaderSpec>.Empty : headers.Select(h => new HeaderSpec(h.Name, h.Value)).ToEquatableArray();

    private static void ReportCollision(List<CatalogDiagnostic> diagnostics, TextRange? range, string what, string owner, string name)
    {
        if (range is { } userRange)
        {
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.IdentifierCollision, userRange,
                what + " maps to the same C# identifier as " + owner + "; it is generated as " + name + ": rename one id if you want a cleaner name"));
        }
    }
}

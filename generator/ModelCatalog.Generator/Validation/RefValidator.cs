using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Merging;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// Checks the refs of <c>agents.defaults</c> (primary, fallbacks, allowlist keys and their aliases) against the merged
/// catalog: MC0007 (no such model), MC0008 (differs only in case), MC0009 (no such provider), MC0005 (duplicate alias).
/// </summary>
internal sealed class RefValidator
{
    private readonly RefJudge _judge = new();
    private readonly Dictionary<string, MergedProvider> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CatalogDiagnostic> _diagnostics;

    /// <param name="providers">The merged catalog.</param>
    /// <param name="builtInProviderIds">Ids of the built-in providers: those missing from <paramref name="providers"/> were left out by replace mode.</param>
    /// <param name="diagnostics">Receives MC0005, MC0007–MC0009 and MC0015.</param>
    public RefValidator(List<MergedProvider> providers, IEnumerable<string> builtInProviderIds, List<CatalogDiagnostic> diagnostics)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            present.Add(provider.Id);
            _providers[provider.Id] = provider;
            if (provider.IsInvalid)
            {
                _judge.AddProviderInError(provider.Id);
            }
            else
            {
                _judge.AddProvider(provider.Id, ModelIds(provider));
            }
        }

        foreach (var id in builtInProviderIds)
        {
            if (!present.Contains(id))
            {
                ExcludedBuiltIns.Add(id);
                _judge.AddExcludedBuiltIn(id);
            }
        }

        _diagnostics = diagnostics;
    }

    /// <summary>Built-in providers that replace mode left out, in built-in order.</summary>
    public List<string> ExcludedBuiltIns { get; } = new();

    /// <summary>Validated aliases (alias → canonical ref), in file order.</summary>
    public List<KeyValuePair<Positioned<string>, string>> Aliases { get; } = new();

    public List<string> Allowlist { get; } = new();

    public string? Primary { get; private set; }

    public List<string> Fallbacks { get; } = new();

    /// <summary>Every ref that resolved to a catalog model, with its role and range: the input of checks on the models refs name (MC0013).</summary>
    public List<ResolvedRef> Resolved { get; } = new();

    public void Validate(ParsedCatalog catalog)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in catalog.Allowlist)
        {
            var canonical = Resolve(entry.Ref, "agents.defaults.models key", RefForms.ProviderWildcard, RefRole.Allowlisted);
            if (canonical is not null && !allowed.Add(canonical))
            {
                Report(DiagnosticIds.Duplicate, entry.Ref.Range, "agents.defaults.models lists '" + canonical + "' twice (provider ids ignore case); merge the two entries");
                continue;
            }

            if (canonical is not null)
            {
                Allowlist.Add(canonical);
            }

            if (entry.Alias.HasValue && canonical is not null && canonical.EndsWith("/*", StringComparison.Ordinal))
            {
                Report(DiagnosticIds.InvalidValue, entry.Alias.Range, "alias '" + entry.Alias.Value + "' of '" + canonical +
                    "' names no single model: an alias needs a provider/model-id key; move it to the entry of the model it stands for");
                continue;
            }

            if (entry.Alias.HasValue && canonical is not null)
            {
                if (HasAlias(entry.Alias.Value))
                {
                    Report(DiagnosticIds.Duplicate, entry.Alias.Range, "duplicate alias '" + entry.Alias.Value + "' (aliases ignore case); give this model another alias");
                    continue;
                }

                _judge.AddAlias(entry.Alias.Value, canonical);
                AddResolved(RefRole.AliasTarget, entry.Ref.Range, canonical);
                Aliases.Add(new KeyValuePair<Positioned<string>, string>(entry.Alias, canonical));
            }
        }

        if (catalog.Primary.HasValue)
        {
            Primary = Resolve(catalog.Primary, "agents.defaults.model.primary", RefForms.Alias, RefRole.Primary);
        }

        foreach (var fallback in catalog.Fallbacks)
        {
            var canonical = Resolve(fallback, "fallback", RefForms.Alias, RefRole.Fallback);
            if (canonical is not null && !Fallbacks.Contains(canonical))
            {
                Fallbacks.Add(canonical);
            }
        }

        // agents.list[].model: the same checks as the defaults; only the defaults are generated.
        foreach (var agent in catalog.AgentModels)
        {
            if (agent.Primary.HasValue)
            {
                Resolve(agent.Primary, agent.Where + ".primary", RefForms.Alias, RefRole.Primary);
            }

            foreach (var fallback in agent.Fallbacks)
            {
                Resolve(fallback, agent.Where + " fallback", RefForms.Alias, RefRole.Fallback);
            }
        }
    }

    /// <summary>Records the catalog model a canonical ref names (for a ref written as an alias: the alias's range).</summary>
    private void AddResolved(RefRole use, TextRange range, string canonical)
    {
        if (ModelRefParts.TrySplit(canonical, out var providerId, out var modelId) &&
            _providers.TryGetValue(providerId, out var provider) && provider.ModelsById.TryGetValue(modelId, out var model))
        {
            Resolved.Add(new ResolvedRef(use, range, provider, model));
        }
    }

    private bool HasAlias(string alias)
    {
        foreach (var existing in Aliases)
        {
            if (string.Equals(existing.Key.Value, alias, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The canonical ref (or the ref as written, for a <c>${VAR}</c> ref or a <c>provider/*</c> key), or <c>null</c> after reporting why not.</summary>
    private string? Resolve(Positioned<string> value, string role, RefForms forms, RefRole use)
    {
        var text = value.Value.Trim();
        var verdict = _judge.Judge(text, forms);
        var subject = role + " '" + text + "'";
        switch (verdict.Kind)
        {
            case RefVerdictKind.Ok:
            case RefVerdictKind.Alias:
                AddResolved(use, value.Range, verdict.CanonicalRef!);
                return verdict.CanonicalRef;
            case RefVerdictKind.ProviderWildcard:
                return verdict.CanonicalRef;
            case RefVerdictKind.HasVariable:
                Report(DiagnosticIds.RefResolvedAtRunTime, value.Range, subject + " holds a ${VAR} reference: it is resolved at run time through the client's " +
                    "secret resolver (environment variables by default), so the build cannot check it and generates no ModelIds constant for it");
                return text;
            case RefVerdictKind.CaseVariant:
                Report(DiagnosticIds.CatalogRefCaseMismatch, value.Range, subject + " differs only in case from '" + verdict.CanonicalRef +
                    "': model ids are case-sensitive; write '" + verdict.CanonicalRef + "'");
                return null;
            case RefVerdictKind.UnknownModel:
                Report(DiagnosticIds.UnknownCatalogModel, value.Range, subject + " names a model provider '" + verdict.Provider + "' does not have" +
                    verdict.DidYouMean() + "; add { id: " + verdict.ModelPart + " } to models.providers." + verdict.Provider + ".models or fix the ref");
                return null;
            case RefVerdictKind.NotARef:
                bool alias = (forms & RefForms.Alias) != 0;
                Report(DiagnosticIds.UnknownCatalogModel, value.Range, subject + " is not a provider/model-id ref" + (alias ? " or an alias" : "") +
                    verdict.DidYouMean() + "; write it as provider/model-id" + (alias ? " or define the alias in agents.defaults.models" : ""));
                return null;
            case RefVerdictKind.ProviderExcludedByReplace:
                Report(DiagnosticIds.CatalogRefUnknownProvider, value.Range, subject + " names provider '" + verdict.Provider +
                    "', which is built in but left out because models.mode is replace (only the providers this file lists exist); add models.providers." +
                    verdict.Provider + " with baseUrl, api and models, or use models.mode: merge");
                return null;
            case RefVerdictKind.ProviderTypo:
                Report(DiagnosticIds.CatalogRefUnknownProvider, value.Range, subject + " names provider '" + verdict.ProviderPart +
                    "', which has no provider block and is not built in" +
                    verdict.ProviderDidYouMean() +
                    "; fix the provider or add models.providers." + verdict.ProviderPart + " with baseUrl, api and models");
                return null;
            case RefVerdictKind.ProviderMissing:
                Report(DiagnosticIds.CatalogRefUnknownProvider, value.Range, subject + " names provider '" + verdict.ProviderPart +
                    "', which has no provider block and is not built in; add models.providers." + verdict.ProviderPart + " with baseUrl, api and models");
                return null;
            default:
                return null; // ProviderInError: the provider's own error is already reported
        }
    }

    private static IEnumerable<string> ModelIds(MergedProvider provider)
    {
        foreach (var model in provider.Models)
        {
            yield return model.Id;
        }
    }

    private void Report(string id, TextRange range, string message) => _diagnostics.Add(new CatalogDiagnostic(id, range, message));
}

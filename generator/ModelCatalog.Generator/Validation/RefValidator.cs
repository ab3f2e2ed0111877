using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Merging;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// Checks the refs of <c>agents.defaults</c> (primary, fallbacks, allowlist keys and their aliases) and of
/// <c>agents.list[].model</c> against the merged
/// catalog: MC0007 (no such model), MC0008 (differs only in case), MC0009 (no such provider), MC0005 (duplicate alias).
/// </summary>
internal sealed class RefValidator
{
    private readonly Dictionary<string, MergedProvider> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ResolvedRef> _resolvedByCanonical = new(StringComparer.Ordinal);
    private readonly List<CatalogDiagnostic> _diagnostics;

    public RefValidator(List<MergedProvider> providers, List<CatalogDiagnostic> diagnostics)
    {
        foreach (var provider in providers)
        {
            _providers[provider.Id] = provider;
        }

        _diagnostics = diagnostics;
    }

    /// <summary>Validated aliases (alias → canonical ref), in file order.</summary>
    public List<KeyValuePair<Positioned<string>, string>> Aliases { get; } = new();

    public List<string> Allowlist { get; } = new();

    public string? Primary { get; private set; }

    public List<string> Fallbacks { get; } = new();

    /// <summary>Every ref that resolved to a model, in validation order (input of <see cref="UncallableApiCheck"/>).</summary>
    public List<ResolvedRef> Resolved { get; } = new();

    public void Validate(ParsedCatalog catalog)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in catalog.Allowlist)
        {
            var canonical = Resolve(entry.Ref, "agents.defaults.models key", allowAlias: false, RefRole.Allowlisted);
            if (canonical is not null && !allowed.Add(canonical))
            {
                Report(DiagnosticIds.Duplicate, entry.Ref.Range, "agents.defaults.models lists '" + canonical + "' twice (provider ids ignore case); merge the two entries");
                continue;
            }

            if (canonical is not null)
            {
                Allowlist.Add(canonical);
            }

            if (entry.Alias.HasValue && canonical is not null)
            {
                if (_aliases.ContainsKey(entry.Alias.Value))
                {
                    Report(DiagnosticIds.Duplicate, entry.Alias.Range, "duplicate alias '" + entry.Alias.Value + "' (aliases ignore case); give this model another alias");
                    continue;
                }

                _aliases.Add(entry.Alias.Value, canonical);
                var target = _resolvedByCanonical[canonical];
                Resolved.Add(target with { Role = RefRole.AliasTarget });
                Aliases.Add(new KeyValuePair<Positioned<string>, string>(entry.Alias, canonical));
            }
        }

        if (catalog.Primary.HasValue)
        {
            Primary = Resolve(catalog.Primary, "agents.defaults.model.primary", allowAlias: true, RefRole.Primary);
        }

        foreach (var fallback in catalog.Fallbacks)
        {
            var canonical = Resolve(fallback, "fallback", allowAlias: true, RefRole.Fallback);
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
                Resolve(agent.Primary, agent.Where + ".primary", allowAlias: true, RefRole.Primary);
            }

            foreach (var fallback in agent.Fallbacks)
            {
                Resolve(fallback, agent.Where + " fallback", allowAlias: true, RefRole.Fallback);
            }
        }
    }

    private string? Resolve(Positioned<string> value, string role, bool allowAlias, RefRole use)
    {
        var text = value.Value.Trim();
        if (!ModelRefParts.TrySplit(text, out var providerId, out var modelId))
        {
            if (allowAlias && text.IndexOf('/') < 0 && _aliases.TryGetValue(text, out var target))
            {
                var model = _resolvedByCanonical[target];
                Resolved.Add(new ResolvedRef(use, value.Range, model.Provider, model.Model));
                return target;
            }

            var suggestion = allowAlias ? Suggestions.Closest(text, _aliases.Keys) : null;
            Report(DiagnosticIds.UnknownCatalogModel, value.Range, role + " '" + text + "' is not a provider/model-id ref" +
                (allowAlias ? " or an alias" + (suggestion is null ? "" : " (did you mean '" + suggestion + "'?)") : "") +
                "; write it as provider/model-id, e.g. minimax/MiniMax-M2.1");
            return null;
        }

        if (!_providers.TryGetValue(providerId, out var provider))
        {
            var suggestion = Suggestions.Closest(providerId, _providers.Keys);
            Report(DiagnosticIds.CatalogRefUnknownProvider, value.Range, role + " '" + text + "' names provider '" + providerId +
                "', which has no provider block and is not built in" + (suggestion is null ? "" : " (did you mean '" + suggestion + "'?)") +
                "; add models.providers." + providerId + " with baseUrl, api and models");
            return null;
        }

        if (provider.IsInvalid)
        {
            return null; // the provider's own error is already reported
        }

        if (provider.ModelsById.TryGetValue(modelId, out var found))
        {
            var resolved = new ResolvedRef(use, value.Range, provider, found);
            var canonical = provider.Id + "/" + modelId;
            Resolved.Add(resolved);
            _resolvedByCanonical[canonical] = resolved;
            return canonical;
        }

        foreach (var model in provider.Models)
        {
            if (string.Equals(model.Id, modelId, StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticIds.CatalogRefCaseMismatch, value.Range, role + " '" + text + "' differs only in case from '" + provider.Id + "/" + model.Id +
                    "': model ids are case-sensitive; write '" + provider.Id + "/" + model.Id + "'");
                return null;
            }
        }

        var closest = Suggestions.Closest(modelId, ModelIds(provider));
        Report(DiagnosticIds.UnknownCatalogModel, value.Range, role + " '" + text + "' names a model provider '" + provider.Id + "' does not have" +
            (closest is null ? "" : " (did you mean '" + provider.Id + "/" + closest + "'?)") +
            "; add { id: " + modelId + " } to models.providers." + provider.Id + ".models or fix the ref");
        return null;
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

using System;
using System.Collections.Generic;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Validation;

namespace ModelCatalog.Generator.Merging;

/// <summary>
/// Merges the built-in catalog with the user's file (README.md, Getting started: models.mode): in <c>merge</c> mode built-in providers and the
/// user's merge field by field (user wins, models by exact id, a user model's set fields win), provider ids matching
/// ignoring case and keeping the built-in spelling; in <c>replace</c> mode only the user's providers exist. Then it
/// applies the rules that need merged values: required fields (MC0004), literal secrets (MC0006), maxTokens (MC0010).
/// </summary>
internal static class CatalogMerger
{
    public static List<MergedProvider> Merge(ParsedCatalog builtIn, ParsedCatalog user, List<CatalogDiagnostic> diagnostics)
    {
        bool replace = user.Mode.HasValue && user.Mode.Value == "replace";
        var providers = new List<MergedProvider>();
        var byId = new Dictionary<string, MergedProvider>(StringComparer.OrdinalIgnoreCase);
        if (!replace)
        {
            foreach (var parsed in builtIn.Providers)
            {
                var provider = new MergedProvider(parsed.Id) { IsBuiltIn = true };
                Apply(provider, parsed, fromUser: false);
                providers.Add(provider);
                byId[provider.Id] = provider;
            }
        }

        foreach (var parsed in user.Providers)
        {
            if (!byId.TryGetValue(parsed.Id, out var provider))
            {
                provider = new MergedProvider(parsed.Id);
                providers.Add(provider);
                byId[provider.Id] = provider;
            }

            provider.UserKeyRange ??= parsed.KeyRange;
            provider.IsInvalid |= parsed.HasInvalidRequiredField;
            Apply(provider, parsed, fromUser: true);
        }

        foreach (var provider in providers)
        {
            CheckRequired(provider, replace, diagnostics);
            CheckSecrets(provider, diagnostics);
            ApplyTokenDefaults(provider, diagnostics);
        }

        return providers;
    }

    private static void Apply(MergedProvider provider, ParsedProvider parsed, bool fromUser)
    {
        if (parsed.BaseUrl.HasValue)
        {
            provider.BaseUrl = parsed.BaseUrl.Value;
        }

        if (parsed.Api.HasValue)
        {
            provider.Api = parsed.Api.Value;
        }

        if (parsed.ApiKey.HasValue)
        {
            provider.ApiKey = parsed.ApiKey.Value;
            provider.UserApiKeyRange = fromUser ? parsed.ApiKey.Range : null;
            provider.HasNoKeyMarker = false;
        }
        else if (parsed.NoKeyMarker.HasValue)
        {
            provider.ApiKey = null;
            provider.UserApiKeyRange = null;
            provider.HasNoKeyMarker = true;
        }

        if (parsed.AuthHeader.HasValue)
        {
            provider.AuthHeader = parsed.AuthHeader.Value;
        }

        MergeHeaders(provider.Headers, parsed.Headers, fromUser);
        foreach (var parsedModel in parsed.Models)
        {
            var id = parsedModel.Id.Value;
            if (!provider.ModelsById.TryGetValue(id, out var model))
            {
                model = new MergedModel(id);
                provider.Models.Add(model);
                provider.ModelsById.Add(id, model);
            }

            if (fromUser)
            {
                model.UserIdRange = parsedModel.Id.Range;
            }

            Apply(model, parsedModel, fromUser);
        }
    }

    private static void Apply(MergedModel model, ParsedModel parsed, bool fromUser)
    {
        if (parsed.Name.HasValue)
        {
            model.Name = parsed.Name.Value;
        }

        if (parsed.Api.HasValue)
        {
            model.Api = parsed.Api.Value;
        }

        if (parsed.Reasoning.HasValue)
        {
            model.Reasoning = parsed.Reasoning.Value;
        }

        if (parsed.Input.HasValue)
        {
            model.Input = parsed.Input.Value;
        }

        if (parsed.Cost.HasValue)
        {
            model.Cost = parsed.Cost.Value;
        }

        if (parsed.ContextWindow.HasValue)
        {
            model.ContextWindow = parsed.ContextWindow.Value;
            model.UserContextWindowRange = fromUser ? parsed.ContextWindow.Range : null;
        }

        if (parsed.MaxTokens.HasValue)
        {
            model.MaxTokens = parsed.MaxTokens.Value;
            model.UserMaxTokensRange = fromUser ? parsed.MaxTokens.Range : null;
        }

        MergeHeaders(model.Headers, parsed.Headers, fromUser);
    }

    private static void MergeHeaders(List<MergedHeader> target, List<ParsedHeader> source, bool fromUser)
    {
        foreach (var header in source)
        {
            var existing = target.Find(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                target.Add(new MergedHeader(header.Name, header.Value.Value, fromUser ? header.Value.Range : null));
            }
            else
            {
                existing.Value = header.Value.Value;
                existing.UserRange = fromUser ? header.Value.Range : null;
            }
        }
    }

    private static void CheckRequired(MergedProvider provider, bool replace, List<CatalogDiagnostic> diagnostics)
    {
        // README.md, "`api` per model": api may be set on every model instead of the provider. Each model keeps its own api; the provider
        // reports its first model's (the runtime needs one), which no model of it falls back to.
        var modelWithoutApi = provider.Models.Find(m => m.Api is null);
        if (provider.Api is null && provider.Models.Count > 0 && modelWithoutApi is null)
        {
            provider.Api = provider.Models[0].Api;
        }

        if (provider.IsInvalid || (provider.BaseUrl is not null && provider.Api is not null))
        {
            return;
        }

        if (provider.BaseUrl is not null && modelWithoutApi is not null && provider.Models.Exists(m => m.Api is not null))
        {
            provider.IsInvalid = true;
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.MissingField, provider.UserKeyRange ?? default,
                "provider '" + provider.Id + "' has no api and its model '" + modelWithoutApi.Id + "' sets none: without a provider api every model needs its own; " +
                "add api: openai-completions (or anthropic-messages, openai-responses) to the provider or to that model"));
            return;
        }

        provider.IsInvalid = true;
        var missing = provider.BaseUrl is null && provider.Api is null ? "no baseUrl and no api" : provider.BaseUrl is null ? "no baseUrl" : "no api";
        var why = replace ? "in replace mode every provider needs both" : "a provider that is not built in needs both";
        var add = (provider.BaseUrl is null ? "baseUrl: https://…" : "") + (provider.BaseUrl is null && provider.Api is null ? " and " : "") +
                  (provider.Api is null ? "api: openai-completions (or anthropic-messages, openai-responses)" : "");
        diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.MissingField, provider.UserKeyRange ?? default,
            "provider '" + provider.Id + "' has " + missing + ": " + why + "; add " + add));
    }

    private static void CheckSecrets(MergedProvider provider, List<CatalogDiagnostic> diagnostics)
    {
        if (LoopbackUrl.IsLoopback(provider.BaseUrl))
        {
            return; // a local server's placeholder key (LM Studio's "lmstudio") is not a secret
        }

        // An OAuth marker (minimax-oauth) names a sign-in, not a key: compiled in as written, never sent (OAuthKeyMarkers).
        if (provider.ApiKey is { } key && !VariableReferences.ContainsReference(key) && !OAuthKeyMarkers.IsMarker(key))
        {
            provider.ApiKey = null;
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.LiteralSecret, provider.UserApiKeyRange ?? default,
                "provider '" + provider.Id + "' has a literal apiKey; keys are never compiled in (calls will fail until it is a reference): write apiKey: ${" +
                VariableReferences.ApiKeyName(provider.Id) + "} and set that variable"));
            provider.ApiKeyOmitted = true;
        }

        DropLiteralCredentialHeaders(provider.Id, provider.Headers, diagnostics);
        foreach (var model in provider.Models)
        {
            DropLiteralCredentialHeaders(provider.Id, model.Headers, diagnostics);
        }
    }

    private static void DropLiteralCredentialHeaders(string providerId, List<MergedHeader> headers, List<CatalogDiagnostic> diagnostics)
    {
        for (int i = headers.Count - 1; i >= 0; i--)
        {
            var header = headers[i];
            if (!CredentialHeaders.IsCredential(header.Name) || VariableReferences.ContainsReference(header.Value))
            {
                continue;
            }

            headers.RemoveAt(i);
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.LiteralSecret, header.UserRange ?? default,
                "header '" + header.Name + "' of provider '" + providerId + "' holds a literal credential; it is not compiled in: write " +
                header.Name + ": ${" + VariableReferences.EnvironmentName(providerId) + "_" + VariableReferences.EnvironmentName(header.Name) + "} and set that variable"));
        }
    }

    private static void ApplyTokenDefaults(MergedProvider provider, List<CatalogDiagnostic> diagnostics)
    {
        foreach (var model in provider.Models)
        {
            int window = model.ContextWindow ?? TokenLimits.DefaultContextWindow;
            model.ContextWindow = window;
            if (model.MaxTokens is not { } maxTokens)
            {
                model.MaxTokens = TokenLimits.EffectiveMaxTokens(null, window);
                continue;
            }

            if (TokenLimits.IsClamped(maxTokens, window))
            {
                model.MaxTokens = window;
                var range = model.UserMaxTokensRange ?? model.UserContextWindowRange;
                if (range is not null)
                {
                    diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.MaxTokensExceedsContext, range.Value,
                        "model '" + provider.Id + "/" + model.Id + "' has maxTokens " + Format(maxTokens) + " above its contextWindow " + Format(window) +
                        "; it is clamped to " + Format(window) + ": lower maxTokens or raise contextWindow"));
                }
            }
        }
    }

    private static string Format(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

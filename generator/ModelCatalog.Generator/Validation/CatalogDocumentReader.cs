using System;
using System.Collections.Generic;
using System.Globalization;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// Turns the YAML tree of one file into a <see cref="ParsedCatalog"/>: the sections ModelCatalog uses (<c>env</c>,
/// <c>agents.defaults.model(s)</c>, <c>agents.list[].model</c>, <c>models</c>), field types and values (MC0002, MC0003,
/// MC0005, MC0006 for <c>env</c>). Everything else of an OpenClaw config is ignored. A file whose root has
/// <c>providers</c> and no <c>models</c> is OpenClaw's per-agent <c>models.json</c>: its <c>providers</c> are read as
/// <c>models.providers</c>, with that file's key markers (<see cref="ModelsJsonKeyMarkers"/>). Checks that need the
/// merged catalog come later.
/// </summary>
internal sealed class CatalogDocumentReader
{
    private readonly ValueReader _values;
    private bool _modelsJson;

    private CatalogDocumentReader(List<CatalogDiagnostic> diagnostics) => _values = new ValueReader(diagnostics);

    /// <summary>Reads the tree of the catalog file that messages call <paramref name="fileName"/>.</summary>
    public static ParsedCatalog Read(YamlNode? root, string fileName, List<CatalogDiagnostic> diagnostics)
    {
        var catalog = new ParsedCatalog();
        if (root is null)
        {
            return catalog;
        }

        var reader = new CatalogDocumentReader(diagnostics);
        var mapping = reader._values.Mapping(root, "the top level of " + fileName);
        if (mapping is not null)
        {
            reader.ReadRoot(mapping, catalog);
        }

        return catalog;
    }

    private void ReadRoot(YamlMapping root, ParsedCatalog catalog)
    {
        _modelsJson = IsModelsJson(root);
        foreach (var entry in _values.Entries(root, "the top level", known: null))
        {
            switch (entry.Key.Value)
            {
                case "env":
                    ReadEnv(entry.Value, catalog);
                    break;
                case "agents":
                    if (_values.Mapping(entry.Value, "agents") is { } agents)
                    {
                        ReadAgents(agents, catalog);
                    }

                    break;
                case "models":
                    if (_values.Mapping(entry.Value, "models") is { } models)
                    {
                        ReadModels(models, catalog);
                    }

                    break;
                case "providers" when _modelsJson:
                    ReadProviders(entry.Value, "providers", catalog);
                    break;
            }
        }
    }

    /// <summary>OpenClaw's per-agent models.json: <c>{ providers: { … } }</c> at the root, no <c>models</c> section.</summary>
    /// <summary>OpenClaw's per-agent <c>models.json</c>: a root with <c>providers</c> and no <c>models</c> (README, models.json).</summary>
    internal static bool IsModelsJson(YamlMapping root)
    {
        bool providers = false;
        foreach (var entry in root.Entries)
        {
            if (entry.Key.NonScalarKind is null && entry.Key.Value == "models")
            {
                return false;
            }

            providers |= entry.Key.NonScalarKind is null && entry.Key.Value == "providers";
        }

        return providers;
    }

    private void ReadAgents(YamlMapping agents, ParsedCatalog catalog)
    {
        foreach (var section in _values.Entries(agents, "agents", known: null))
        {
            if (section.Key.Value == "defaults" && _values.Mapping(section.Value, "agents.defaults") is { } defaults)
            {
                ReadAgentDefaults(defaults, catalog);
            }
            else if (section.Key.Value == "list" && _values.Sequence(section.Value, "agents.list") is { } list)
            {
                ReadAgentList(list, catalog);
            }
        }
    }

    /// <summary>Per-agent <c>model</c> (string or { primary, fallbacks }); every other agent key is OpenClaw's alone.</summary>
    private void ReadAgentList(YamlSequence list, ParsedCatalog catalog)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            var where = "agents.list[" + i + "]";
            if (_values.Mapping(list.Items[i], where) is not { } agent)
            {
                continue;
            }

            foreach (var entry in _values.Entries(agent, where, known: null))
            {
                if (entry.Key.Value == "model")
                {
                    var choice = new ParsedModelChoice(where + ".model");
                    ReadModelChoice(entry.Value, choice);
                    catalog.AgentModels.Add(choice);
                }
            }
        }
    }

    private void ReadEnv(YamlNode node, ParsedCatalog catalog)
    {
        if (_values.Mapping(node, "env") is not { } env)
        {
            return;
        }

        foreach (var entry in _values.Entries(env, "env", known: null))
        {
            // env.vars / env.shellEnv are OpenClaw settings, not variables.
            if (entry.Key.Value is "vars" or "shellEnv")
            {
                continue;
            }

            if (entry.Value is YamlScalar { IsNull: false } reference && VariableReferences.ContainsReference(reference.Value))
            {
                if (!VariableReferences.IsName(entry.Key.Value))
                {
                    continue; // no ${...} can name it, so the alias could never apply
                }

                // A ${OTHER} value names where the variable comes from: no secret, so it is compiled in as an alias (README.md, "Environment aliases").
                catalog.EnvironmentAliases.Add(new KeyValuePair<string, string>(entry.Key.Value, reference.Value));
            }
            else if (entry.Value is YamlScalar { IsNull: false } value && value.Value.Length > 0)
            {
                _values.Report(DiagnosticIds.LiteralSecret, value.Range,
                    "env." + entry.Key.Value + " holds a literal value; env values are never compiled in: set " + entry.Key.Value +
                    " in the environment and write " + entry.Key.Value + ": \"\"");
            }
        }
    }

    private void ReadAgentDefaults(YamlMapping defaults, ParsedCatalog catalog)
    {
        foreach (var entry in _values.Entries(defaults, "agents.defaults", known: null))
        {
            if (entry.Key.Value == "model")
            {
                ReadDefaultModel(entry.Value, catalog);
            }
            else if (entry.Key.Value == "models" && _values.Mapping(entry.Value, "agents.defaults.models") is { } allowlist)
            {
                ReadAllowlist(allowlist, catalog);
            }
        }
    }

    private void ReadDefaultModel(YamlNode node, ParsedCatalog catalog)
    {
        var choice = new ParsedModelChoice("agents.defaults.model");
        ReadModelChoice(node, choice);
        catalog.Primary = choice.Primary;
        catalog.Fallbacks.AddRange(choice.Fallbacks);
    }

    /// <summary>OpenClaw's agent model schema: a ref string, or { primary?, fallbacks? } (agents.defaults.model, agents.list[].model).</summary>
    private void ReadModelChoice(YamlNode node, ParsedModelChoice choice)
    {
        if (node is YamlScalar)
        {
            choice.Primary = _values.Text(node, choice.Where);
            return;
        }

        if (_values.Mapping(node, choice.Where) is not { } model)
        {
            return;
        }

        foreach (var entry in _values.Entries(model, choice.Where, KnownKeys.DefaultModel))
        {
            if (entry.Key.Value == "primary")
            {
                if (entry.Value is not YamlScalar { IsNull: true })
                {
                    choice.Primary = _values.Text(entry.Value, choice.Where + ".primary");
                }
            }
            else if (_values.Sequence(entry.Value, choice.Where + ".fallbacks") is { } fallbacks)
            {
                foreach (var item in fallbacks.Items)
                {
                    var fallback = _values.Text(item, "a fallback");
                    if (fallback.HasValue)
                    {
                        choice.Fallbacks.Add(fallback);
                    }
                }
            }
        }
    }

    private void ReadAllowlist(YamlMapping allowlist, ParsedCatalog catalog)
    {
        foreach (var entry in _values.Entries(allowlist, "agents.defaults.models", known: null))
        {
            var allowed = new ParsedAllowEntry(new Positioned<string>(entry.Key.Value, entry.Key.Range));
            catalog.Allowlist.Add(allowed);
            if (_values.Mapping(entry.Value, "agents.defaults.models." + entry.Key.Value) is not { } settings)
            {
                continue;
            }

            foreach (var setting in _values.Entries(settings, "agents.defaults.models." + entry.Key.Value, KnownKeys.AllowEntry, KnownKeys.AllowEntryAccepted))
            {
                if (setting.Key.Value == "alias")
                {
                    var alias = _values.Text(setting.Value, "an alias");
                    if (alias.HasValue && alias.Value.IndexOf('/') >= 0)
                    {
                        _values.Report(DiagnosticIds.InvalidValue, alias.Range, "alias '" + alias.Value + "' must not contain '/'; refs are provider/model-id, aliases are plain names");
                    }
                    else
                    {
                        allowed.Alias = alias;
                    }
                }
            }
        }
    }

    private void ReadModels(YamlMapping models, ParsedCatalog catalog)
    {
        foreach (var entry in _values.Entries(models, "models", KnownKeys.Models, KnownKeys.ModelsAccepted))
        {
            if (entry.Key.Value == "mode")
            {
                var mode = _values.Text(entry.Value, "models.mode");
                if (mode.HasValue && mode.Value is not ("merge" or "replace"))
                {
                    _values.Report(DiagnosticIds.InvalidValue, mode.Range, "models.mode must be merge or replace, not '" + mode.Value + "'" + DidYouMean(mode.Value, "merge", "replace"));
                }
                else
                {
                    catalog.Mode = mode;
                }
            }
            else
            {
                ReadProviders(entry.Value, "models.providers", catalog);
            }
        }
    }

    /// <summary><c>models.providers</c>, or the root <c>providers</c> of a models.json (<paramref name="where"/> names which).</summary>
    private void ReadProviders(YamlNode node, string where, ParsedCatalog catalog)
    {
        if (_values.Mapping(node, where) is { } providers)
        {
            foreach (var provider in _values.Entries(providers, where, known: null, ignoreCase: true, entryKind: "provider"))
            {
                ReadProvider(provider.Key, provider.Value, catalog);
            }
        }
    }

    private void ReadProvider(YamlKey key, YamlNode node, ParsedCatalog catalog)
    {
        var id = key.Value.Trim();
        if (id.IndexOf('/') >= 0)
        {
            _values.Report(DiagnosticIds.InvalidValue, key.Range, "provider id '" + id + "' must not contain '/': refs split at the first '/'");
            return;
        }

        var provider = new ParsedProvider(id, key.Range);
        catalog.Providers.Add(provider);
        if (_values.Mapping(node, "provider '" + id + "'") is not { } mapping)
        {
            return;
        }

        var where = "provider '" + id + "'";
        foreach (var entry in _values.Entries(mapping, where, KnownKeys.Provider, KnownKeys.ProviderAccepted))
        {
            switch (entry.Key.Value)
            {
                case "baseUrl":
                    provider.BaseUrl = Url(entry.Value, where);
                    provider.HasInvalidRequiredField |= !provider.BaseUrl.HasValue;
                    break;
                case "api":
                    provider.Api = Api(entry.Value, where);
                    provider.HasInvalidRequiredField |= !provider.Api.HasValue;
                    break;
                case "apiKey":
                    ReadApiKey(entry.Value, where, provider);
                    break;
                case "authHeader":
                    provider.AuthHeader = _values.Boolean(entry.Value, where + " authHeader");
                    break;
                case "headers":
                    ReadHeaders(entry.Value, where, id, provider.Headers);
                    break;
                case "models":
                    if (_values.Sequence(entry.Value, where + " models") is { } models)
                    {
                        ReadProviderModels(models, provider);
                    }

                    break;
            }
        }
    }

    private void ReadProviderModels(YamlSequence models, ParsedProvider provider)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var item in models.Items)
        {
            index++;
            if (_values.Mapping(item, new Subject("a model of provider '", provider.Id, "'")) is not { } mapping)
            {
                continue;
            }

            var model = ReadModel(mapping, provider.Id, index);
            if (!model.Id.HasValue)
            {
                continue;
            }

            if (!ids.Add(model.Id.Value))
            {
                _values.Report(DiagnosticIds.Duplicate, model.Id.Range, "duplicate model id '" + model.Id.Value + "' in provider '" + provider.Id + "'; merge the two entries or remove this one");
                continue;
            }

            provider.Models.Add(model);
        }
    }

    private ParsedModel ReadModel(YamlMapping mapping, string providerId, int index)
    {
        var model = new ParsedModel();

        // Messages about the entry's keys name the model by its id when it has a usable one (its first id key wins).
        string? where = null;
        foreach (var raw in mapping.Entries)
        {
            if (raw.Key.NonScalarKind is null && raw.Key.Value == "id")
            {
                if (raw.Value is YamlScalar { IsNull: false } idScalar && idScalar.Value.Trim().Length > 0)
                {
                    where = "model '" + providerId + "/" + idScalar.Value + "'";
                }

                break;
            }
        }

        where ??= "model #" + index + " of provider '" + providerId + "'";

        var entries = _values.Entries(mapping, where, KnownKeys.Model, KnownKeys.ModelAccepted);
        foreach (var entry in entries)
        {
            if (entry.Key.Value == "id")
            {
                model.Id = _values.Text(entry.Value, new Subject("model #", index.ToString(CultureInfo.InvariantCulture), " of provider '", providerId, "' id"));
            }
        }

        bool hasIdKey = false;
        foreach (var entry in entries)
        {
            switch (entry.Key.Value)
            {
                case "id":
                    hasIdKey = true;
                    break;
                case "name":
                    model.Name = _values.Text(entry.Value, new Subject(where, " name"));
                    break;
                case "api":
                    model.Api = Api(entry.Value, where);
                    break;
                case "reasoning":
                    model.Reasoning = _values.Boolean(entry.Value, new Subject(where, " reasoning"));
                    break;
                case "input":
                    model.Input = Input(entry.Value, where);
                    break;
                case "cost":
                    model.Cost = Cost(entry.Value, where, model.CostValues);
                    break;
                case "contextWindow":
                    model.ContextWindow = _values.PositiveInteger(entry.Value, new Subject(where, " contextWindow"));
                    break;
                case "maxTokens":
                    model.MaxTokens = _values.PositiveInteger(entry.Value, new Subject(where, " maxTokens"));
                    break;
                case "headers":
                    ReadHeaders(entry.Value, where, providerId, model.Headers);
                    break;
            }
        }

        if (!hasIdKey)
        {
            _values.Report(DiagnosticIds.MissingField, TextRange.FromBounds(mapping.Range.Start, Math.Min(mapping.Range.End, mapping.Range.Start + 1)),
                "model #" + index + " of provider '" + providerId + "' has no id; add id: <model-id> (the exact, case-sensitive id the provider expects)");
        }

        return model;
    }

    private Positioned<int> Input(YamlNode node, string where)
    {
        if (_values.Sequence(node, new Subject(where, " input")) is not { } items)
        {
            return default;
        }

        int flags = 0;
        bool valid = true;
        foreach (var item in items.Items)
        {
            var kind = _values.Text(item, new Subject(where, " input kind"));
            switch (kind.HasValue ? kind.Value : null)
            {
                case "text": flags |= 1; break;
                case "image": flags |= 2; break;
                case null: valid = false; break;
                default:
                    _values.Report(DiagnosticIds.InvalidValue, kind.Range, where + " input kind must be text or image, not '" + kind.Value + "'" + DidYouMean(kind.Value, "text", "image"));
                    valid = false;
                    break;
            }
        }

        return valid && flags != 0 ? new Positioned<int>(flags, items.Range) : default;
    }

    private Positioned<CostSpec> Cost(YamlNode node, string where, List<ParsedPrice> values)
    {
        if (_values.Mapping(node, new Subject(where, " cost")) is not { } mapping)
        {
            return default;
        }

        decimal input = 0, output = 0, cacheRead = 0, cacheWrite = 0;
        bool valid = true;
        foreach (var entry in _values.Entries(mapping, new Subject(where, " cost"), KnownKeys.Cost))
        {
            if (!_values.Price(entry.Value, new Subject(where, " cost.", entry.Key.Value), out var price))
            {
                valid = false;
                continue;
            }

            values.Add(new ParsedPrice(entry.Key.Value, price, ((YamlScalar)entry.Value).Value, entry.Value.Range));
            switch (entry.Key.Value)
            {
                case "input": input = price; break;
                case "output": output = price; break;
                case "cacheRead": cacheRead = price; break;
                case "cacheWrite": cacheWrite = price; break;
            }
        }

        return valid ? new Positioned<CostSpec>(new CostSpec(input, output, cacheRead, cacheWrite), mapping.Range) : default;
    }

    private void ReadHeaders(YamlNode node, string where, string providerId, List<ParsedHeader> headers)
    {
        if (_values.Mapping(node, where + " headers") is not { } mapping)
        {
            return;
        }

        foreach (var entry in _values.Entries(mapping, where + " headers", known: null, ignoreCase: true))
        {
            var value = Secret(entry.Value, where + " header '" + entry.Key.Value + "'");
            if (_modelsJson && value.HasValue &&
                ModelsJsonKeyMarkers.Translate(value.Value, providerId, isApiKey: false, out var reference) == ModelsJsonKeyMarkers.Kind.Variable)
            {
                value = new Positioned<string>(reference!, value.Range);
            }

            if (value.HasValue)
            {
                headers.Add(new ParsedHeader(entry.Key.Value, value));
            }
        }
    }

    private Positioned<string> Api(YamlNode node, string where)
    {
        var api = _values.Text(node, new Subject(where, " api"));
        if (api.HasValue && Array.IndexOf(KnownKeys.ApiKinds, api.Value) < 0)
        {
            _values.Report(DiagnosticIds.InvalidValue, api.Range, where + " api must be anthropic-messages, openai-completions or openai-responses (or another OpenClaw kind), not '" + api.Value + "'" + DidYouMean(api.Value, KnownKeys.ApiKinds));
            return default;
        }

        return api;
    }

    private Positioned<string> Url(YamlNode node, string where)
    {
        var url = _values.Text(node, where + " baseUrl");
        if (!url.HasValue)
        {
            return url;
        }

        // ${VAR} parts are resolved at run time: a leading reference supplies scheme and host ("${GATEWAY}/v1");
        // elsewhere the URL is judged with a stand-in for each reference.
        var probe = VariableReferences.Expand(url.Value, _ => "placeholder", out _) ?? url.Value;
        if (StartsWithReference(url.Value) ||
            (Uri.TryCreate(probe, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") && uri.Host.Length > 0))
        {
            return url;
        }

        _values.Report(DiagnosticIds.InvalidValue, url.Range, where + " baseUrl '" + url.Value + "' is not an absolute http(s) URL; write e.g. https://api.example.com/v1 or ${BASE_URL}");
        return default;
    }

    private static bool StartsWithReference(string value)
    {
        int close = value.IndexOf('}');
        return value.StartsWith("${", StringComparison.Ordinal) && close > 2 && VariableReferences.IsWholeReference(value.Substring(0, close + 1), out _);
    }

    /// <summary>An apiKey: a string or SecretRef; in a models.json also one of its key markers.</summary>
    private void ReadApiKey(YamlNode node, string where, ParsedProvider provider)
    {
        var key = Secret(node, where + " apiKey");
        if (!_modelsJson || !key.HasValue)
        {
            provider.ApiKey = key;
            return;
        }

        switch (ModelsJsonKeyMarkers.Translate(key.Value, provider.Id, isApiKey: true, out var reference))
        {
            case ModelsJsonKeyMarkers.Kind.Variable:
                provider.ApiKey = new Positioned<string>(reference!, key.Range);
                break;
            case ModelsJsonKeyMarkers.Kind.NoKey:
                provider.NoKeyMarker = key;
                break;
            default:
                provider.ApiKey = key;
                break;
        }
    }

    /// <summary>A string, or OpenClaw's SecretRef <c>{ source: env, id: VAR }</c>, returned as <c>${VAR}</c>.</summary>
    private Positioned<string> Secret(YamlNode node, string what)
    {
        if (node is not YamlMapping mapping)
        {
            return _values.Text(node, what);
        }

        string? source = null, id = null;
        foreach (var entry in _values.Entries(mapping, what, KnownKeys.SecretRef))
        {
            var text = _values.Text(entry.Value, what + " " + entry.Key.Value);
            if (entry.Key.Value == "source")
            {
                source = text.HasValue ? text.Value : null;
            }
            else if (entry.Key.Value == "id")
            {
                id = text.HasValue ? text.Value : null;
            }
        }

        if (source == "env" && id is not null && VariableReferences.IsWholeReference("${" + id + "}", out _))
        {
            return new Positioned<string>("${" + id + "}", mapping.Range);
        }

        _values.Report(DiagnosticIds.InvalidValue, mapping.Range, what + " must be ${VAR} or { source: env, id: VAR } with an upper-case variable name" +
            (source is not null and not "env" ? " (source '" + source + "' is not supported)" : ""));
        return default;
    }

    private static string DidYouMean(string value, params string[] candidates)
    {
        var suggestion = Suggestions.Closest(value, candidates);
        return suggestion is null ? "" : "; did you mean '" + suggestion + "'?";
    }
}

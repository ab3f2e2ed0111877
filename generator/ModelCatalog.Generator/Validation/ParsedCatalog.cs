using System.Collections.Generic;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Generator.Validation;

// Positioned, still-unmerged values of one catalog file. Mutable on purpose: they live only inside one transform
// and never reach the pipeline's caches.

/// <summary>A value read from the file together with the range of its scalar.</summary>
internal readonly struct Positioned<T>
{
    public Positioned(T value, TextRange range)
    {
        Value = value;
        Range = range;
        HasValue = true;
    }

    public T Value { get; }

    public TextRange Range { get; }

    public bool HasValue { get; }
}

internal sealed class ParsedCatalog
{
    public Positioned<string> Mode { get; set; }

    public List<ParsedProvider> Providers { get; } = new();

    public Positioned<string> Primary { get; set; }

    public List<Positioned<string>> Fallbacks { get; } = new();

    public List<ParsedAllowEntry> Allowlist { get; } = new();

    /// <summary><c>env:</c> entries whose value holds a <c>${OTHER}</c> reference: variable name → value as written.</summary>
    public List<KeyValuePair<string, string>> EnvironmentAliases { get; } = new();

    /// <summary>The <c>model</c> of each <c>agents.list</c> entry: checked like agents.defaults.model, never generated.</summary>
    public List<ParsedModelChoice> AgentModels { get; } = new();
}

/// <summary>An agent's model choice (OpenClaw's string-or-{ primary, fallbacks } schema) and where it is written.</summary>
internal sealed class ParsedModelChoice
{
    public ParsedModelChoice(string where) => Where = where;

    /// <summary>The path messages name, e.g. <c>agents.list[0].model</c>.</summary>
    public string Where { get; }

    public Positioned<string> Primary { get; set; }

    public List<Positioned<string>> Fallbacks { get; } = new();
}

internal sealed class ParsedProvider
{
    public ParsedProvider(string id, TextRange keyRange)
    {
        Id = id;
        KeyRange = keyRange;
    }

    public string Id { get; }

    public TextRange KeyRange { get; }

    public Positioned<string> BaseUrl { get; set; }

    public Positioned<string> Api { get; set; }

    public Positioned<string> ApiKey { get; set; }

    /// <summary>A models.json marker meaning "no key" (<c>ollama-local</c>, <c>custom-local</c>): nothing is compiled.</summary>
    public Positioned<string> NoKeyMarker { get; set; }

    public Positioned<bool> AuthHeader { get; set; }

    public List<ParsedHeader> Headers { get; } = new();

    public List<ParsedModel> Models { get; } = new();

    /// <summary>A required field held an invalid value (already reported): the provider is not generated, and MC0004 is not added.</summary>
    public bool HasInvalidRequiredField { get; set; }
}

internal sealed class ParsedModel
{
    public Positioned<string> Id { get; set; }

    public Positioned<string> Name { get; set; }

    public Positioned<string> Api { get; set; }

    public Positioned<bool> Reasoning { get; set; }

    public Positioned<int> Input { get; set; }

    public Positioned<CostSpec> Cost { get; set; }

    /// <summary>The cost fields as written, in file order (for the per-token price check, MC0012).</summary>
    public List<ParsedPrice> CostValues { get; } = new();

    public Positioned<int> ContextWindow { get; set; }

    public Positioned<int> MaxTokens { get; set; }

    public List<ParsedHeader> Headers { get; } = new();
}

/// <summary>One price of a <c>cost</c> mapping: its key, value and scalar text as written.</summary>
internal sealed record ParsedPrice(string Field, decimal Value, string Text, TextRange Range);

internal sealed class ParsedHeader
{
    public ParsedHeader(string name, Positioned<string> value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public Positioned<string> Value { get; }
}

internal sealed class ParsedAllowEntry
{
    public ParsedAllowEntry(Positioned<string> modelRef) => Ref = modelRef;

    public Positioned<string> Ref { get; }

    public Positioned<string> Alias { get; set; }
}

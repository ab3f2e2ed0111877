using System.Collections.Generic;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Merging;

// Intermediate, mutable results of merging the built-in catalog with the user's file. A range is kept only for values
// the user wrote (null otherwise): diagnostics never point into the built-in catalog.

internal sealed class MergedProvider
{
    public MergedProvider(string id) => Id = id;

    public string Id { get; }

    public TextRange? UserKeyRange { get; set; }

    public bool IsBuiltIn { get; set; }

    public string? BaseUrl { get; set; }

    public string? Api { get; set; }

    public string? ApiKey { get; set; }

    public TextRange? UserApiKeyRange { get; set; }

    public bool AuthHeader { get; set; }

    /// <summary>A models.json "no key" marker (<c>ollama-local</c>, <c>custom-local</c>): called without a key.</summary>
    public bool HasNoKeyMarker { get; set; }

    /// <summary>A literal key was written and left out of the generated code (MC0006).</summary>
    public bool ApiKeyOmitted { get; set; }

    public List<MergedHeader> Headers { get; } = new();

    public List<MergedModel> Models { get; } = new();

    public Dictionary<string, MergedModel> ModelsById { get; } = new(System.StringComparer.Ordinal);

    /// <summary>An invalid value or a missing required field: not generated, refs to it are not reported again.</summary>
    public bool IsInvalid { get; set; }
}

internal sealed class MergedModel
{
    public MergedModel(string id) => Id = id;

    public string Id { get; }

    public TextRange? UserIdRange { get; set; }

    public string? Name { get; set; }

    public string? Api { get; set; }

    public bool Reasoning { get; set; }

    public int Input { get; set; } = 1;

    public CostSpec? Cost { get; set; }

    public int? ContextWindow { get; set; }

    public TextRange? UserContextWindowRange { get; set; }

    public int? MaxTokens { get; set; }

    public TextRange? UserMaxTokensRange { get; set; }

    public List<MergedHeader> Headers { get; } = new();
}

internal sealed class MergedHeader
{
    public MergedHeader(string name, string value, TextRange? userRange)
    {
        Name = name;
        Value = value;
        UserRange = userRange;
    }

    public string Name { get; }

    public string Value { get; set; }

    public TextRange? UserRange { get; set; }
}

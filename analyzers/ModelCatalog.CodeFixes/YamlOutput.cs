using System.Collections.Generic;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// A tiny tree of what is to be written into models.yaml, kept apart from how it is written, so one provider block can
/// be laid out in block style or in (JSON5) flow style to match the file it goes into.
/// </summary>
internal abstract class YamlOutput
{
    /// <summary>The provider entries, nested under the keys of <paramref name="missingPath"/> that the file still lacks.</summary>
    public static YamlOutput Providers(IReadOnlyList<ProviderBlock> blocks, IReadOnlyList<string> missingPath)
    {
        var providers = new Map();
        foreach (var block in blocks)
        {
            providers.Entries.Add(new KeyValuePair<string, YamlOutput>(block.Template.Id, Provider(block)));
        }

        YamlOutput result = providers;
        for (int i = missingPath.Count - 1; i >= 0; i--)
        {
            var parent = new Map();
            parent.Entries.Add(new KeyValuePair<string, YamlOutput>(missingPath[i], result));
            result = parent;
        }

        return result;
    }

    private static Map Provider(ProviderBlock block)
    {
        var template = block.Template;
        var provider = new Map();
        provider.Add("baseUrl", new Scalar(template.BaseUrl, isString: true));
        provider.Add("api", new Scalar(template.Api, isString: true));
        if (template.ApiKey is not null)
        {
            provider.Add("apiKey", new Scalar(template.ApiKey, isString: true));
        }

        if (template.AuthHeader)
        {
            provider.Add("authHeader", new Scalar("true", isString: false));
        }

        var models = new Sequence();
        foreach (var id in block.ModelIds)
        {
            var model = new Map();
            model.Add("id", new Scalar(id, isString: true));
            models.Items.Add(model);
        }

        provider.Add("models", models);
        return provider;
    }

    internal sealed class Scalar : YamlOutput
    {
        public Scalar(string value, bool isString)
        {
            Value = value;
            IsString = isString;
        }

        public string Value { get; }

        /// <summary>False for <c>true</c>/<c>false</c>, which must stay plain to remain booleans.</summary>
        public bool IsString { get; }
    }

    internal sealed class Map : YamlOutput
    {
        public List<KeyValuePair<string, YamlOutput>> Entries { get; } = new();

        public void Add(string key, YamlOutput value) => Entries.Add(new KeyValuePair<string, YamlOutput>(key, value));
    }

    internal sealed class Sequence : YamlOutput
    {
        public List<YamlOutput> Items { get; } = new();
    }
}

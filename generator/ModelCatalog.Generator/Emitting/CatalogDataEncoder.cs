using System.Globalization;
using System.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Emitting;

/// <summary>
/// Writes the compact catalog data that <c>ModelCatalog.Catalog.FromGeneratedData</c> decodes (format "ModelCatalog/1",
/// documented in the runtime's CatalogData): one record per line, tab-separated fields, backslash escapes.
/// Returns one chunk per provider so the generated literal stays readable line by line.
/// </summary>
internal static class CatalogDataEncoder
{
    public static string[] Encode(CatalogSpec spec)
    {
        var chunks = new string[spec.Providers.Count + 2];
        chunks[0] = CatalogDataFormat.Header + "\n";
        var builder = new StringBuilder();
        for (int i = 0; i < spec.Providers.Count; i++)
        {
            builder.Clear();
            var provider = spec.Providers[i];
            int flags = (provider.AuthHeader ? 1 : 0) | (provider.ApiKeyOmitted ? 2 : 0) | (provider.Keyless ? 4 : 0);
            Record(builder, "P", provider.Id, provider.BaseUrl, provider.Api, provider.ApiKey ?? "", Int(flags));
            Headers(builder, provider.Headers);
            foreach (var model in provider.Models)
            {
                // The record of every model: fields appended in place (numbers need no escaping), no array or string per field.
                builder.Append('M');
                Field(builder, model.Id);
                Field(builder, model.Name == model.Id ? "" : model.Name);
                Field(builder, model.Api ?? "");
                builder.Append('\t').Append(model.Reasoning ? '1' : '0');
                builder.Append('\t').Append(Int(model.Input)).Append('\t');
                if (model.Cost is { } cost)
                {
                    builder.Append(Decimal(cost.Input)).Append(',').Append(Decimal(cost.Output)).Append(',')
                        .Append(Decimal(cost.CacheRead)).Append(',').Append(Decimal(cost.CacheWrite));
                }

                builder.Append('\t').Append(Int(model.ContextWindow)).Append('\t').Append(Int(model.MaxTokens)).Append('\n');
                Headers(builder, model.Headers);
            }

            chunks[i + 1] = builder.ToString();
        }

        builder.Clear();
        foreach (var alias in spec.Aliases)
        {
            Record(builder, "A", alias.Alias, alias.Ref);
        }

        if (spec.Primary is not null)
        {
            Record(builder, "R", spec.Primary);
        }

        foreach (var fallback in spec.Fallbacks)
        {
            Record(builder, "F", fallback);
        }

        foreach (var allowed in spec.Allowlist)
        {
            Record(builder, "L", allowed);
        }

        foreach (var alias in spec.EnvironmentAliases)
        {
            Record(builder, "E", alias.Name, alias.Reference);
        }

        foreach (var excluded in spec.ExcludedBuiltIns)
        {
            Record(builder, "X", excluded);
        }

        chunks[chunks.Length - 1] = builder.ToString();
        return chunks;
    }

    private static void Headers(StringBuilder builder, Helpers.EquatableArray<HeaderSpec> headers)
    {
        foreach (var header in headers)
        {
            Record(builder, "H", header.Name, header.Value);
        }
    }

    private static void Record(StringBuilder builder, string kind, params string[] fields)
    {
        builder.Append(kind);
        foreach (var field in fields)
        {
            Field(builder, field);
        }

        builder.Append('\n');
    }

    private static void Field(StringBuilder builder, string value)
    {
        builder.Append('\t');
        CatalogDataFormat.AppendEscaped(builder, value);
    }

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

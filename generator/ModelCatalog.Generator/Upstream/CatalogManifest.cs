using System.Globalization;
using System.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Upstream;

/// <summary>
/// The catalog a project compiled, written back as a catalog file (JSON, which the catalog reader reads like any
/// models.yaml) holding only what judging refs and naming constants needs: every provider of the merged catalog with its
/// baseUrl, api and model ids (in catalog order, so identifiers are allocated exactly as upstream), <c>models.mode:
/// replace</c> (so the built-in providers the upstream left out stay left out), the aliases and the primary/fallback
/// refs and the allowlist. No key, header value or <c>env:</c> value is written: the manifest is compiled into the assembly.
/// </summary>
internal static class CatalogManifest
{
    /// <summary>The <c>AssemblyMetadata</c> key of the manifest text.</summary>
    public const string CatalogKey = "ModelCatalog.Catalog";

    /// <summary>The <c>AssemblyMetadata</c> key of the namespace the catalog's types are generated in ("" = global).</summary>
    public const string NamespaceKey = "ModelCatalog.Namespace";

    /// <summary>
    /// The <c>AssemblyMetadata</c> key naming the project a catalog assembly was compiled for (compile mode <c>assembly</c>,
    /// README.md "Compile mode"): buildTransitive/ModelCatalog.targets writes it into the catalog assembly's stub source.
    /// That project generates nothing itself: the types are the catalog assembly's.
    /// </summary>
    public const string CompiledForKey = "ModelCatalog.CompiledFor";

    public static string Write(CatalogSpec spec)
    {
        var json = new StringBuilder(256 + spec.Providers.Count * 256);
        json.Append("{\"models\":{\"mode\":\"replace\",\"providers\":{");
        for (int i = 0; i < spec.Providers.Count; i++)
        {
            var provider = spec.Providers[i];
            json.Append(i == 0 ? "" : ",");
            Quote(json, provider.Id).Append(":{\"baseUrl\":");
            Quote(json, provider.BaseUrl).Append(",\"api\":");
            Quote(json, provider.Api).Append(",\"models\":[");
            for (int m = 0; m < provider.Models.Count; m++)
            {
                json.Append(m == 0 ? "{\"id\":" : ",{\"id\":");
                Quote(json, provider.Models[m].Id).Append('}');
            }

            json.Append("]}");
        }

        json.Append("}},\"agents\":{\"defaults\":{\"model\":{");
        if (spec.Primary is not null)
        {
            json.Append("\"primary\":");
            Quote(json, spec.Primary).Append(',');
        }

        json.Append("\"fallbacks\":[");
        for (int i = 0; i < spec.Fallbacks.Count; i++)
        {
            Quote(json.Append(i == 0 ? "" : ","), spec.Fallbacks[i]);
        }

        // The allowlist keys, each with its alias (every alias is defined on an allowlist entry).
        json.Append("]},\"models\":{");
        for (int i = 0; i < spec.Allowlist.Count; i++)
        {
            var allowed = spec.Allowlist[i];
            Quote(json.Append(i == 0 ? "" : ","), allowed).Append(":{");
            foreach (var alias in spec.Aliases)
            {
                if (alias.Ref == allowed)
                {
                    Quote(json.Append("\"alias\":"), alias.Alias);
                    break;
                }
            }

            json.Append('}');
        }

        return json.Append("}}}}").ToString();
    }

    private static StringBuilder Quote(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"');
    }
}

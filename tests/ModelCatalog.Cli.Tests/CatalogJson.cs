using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// A catalog (YAML or JSON5) as the JSON instance a schema validator sees, read with the build's own reader so both
/// syntaxes, anchors and merge keys mean what they mean to the build. Plain scalars are typed as YAML 1.2's core
/// schema types them (null, booleans, numbers); quoted scalars stay strings.
/// </summary>
internal static class CatalogJson
{
    public static JsonNode? Read(string text)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var root = YamlTreeReader.Read(text, "models.yaml", diagnostics, CancellationToken.None);
        Xunit.Assert.DoesNotContain(diagnostics, d => d.Id == "MC0001");
        return root is null ? new JsonObject() : Convert(root);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.Key.Value] = Convert(entry.Value);
                }

                return obj;
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalar { IsPlain: false } quoted:
                return JsonValue.Create(quoted.Value);
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                switch (scalar.Value)
                {
                    case "true": case "True": case "TRUE": return JsonValue.Create(true);
                    case "false": case "False": case "FALSE": return JsonValue.Create(false);
                }

                if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ModelCatalog.Benchmarks.Report;

/// <summary>
/// The whole-build comparison written by <c>perf/build-compare.sh --out file.json</c>:
/// <c>{"machine":"…","rows":[{"catalog":"seed"|"models-dev","mode":"server"|"no-server","withSeconds":x,"withoutSeconds":y,"ratio":r,"target":t}]}</c>.
/// </summary>
internal sealed record BuildComparison(string Machine, IReadOnlyList<BuildComparison.Row> Rows)
{
    /// <summary>Reads <paramref name="path"/>; <c>null</c> when the file does not exist (the builds were not compared in this run).</summary>
    public static BuildComparison? Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var rows = new List<Row>();
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            rows.Add(new Row(row.GetProperty("catalog").GetString()!, row.GetProperty("mode").GetString()!, row.GetProperty("withSeconds").GetDouble(),
                row.GetProperty("withoutSeconds").GetDouble(), row.GetProperty("ratio").GetDouble(), row.GetProperty("target").GetDouble(),
                row.TryGetProperty("pairedRatio", out var paired) && paired.ValueKind == JsonValueKind.Number ? paired.GetDouble() : null));
        }

        return new BuildComparison(root.TryGetProperty("machine", out var machine) ? machine.GetString() ?? "" : "", rows);
    }

    /// <summary>One build pair: seconds with and without the package (medians), their ratio, the median of per-round ratios and the target ratio.</summary>
    public sealed record Row(string Catalog, string Mode, double WithSeconds, double WithoutSeconds, double Ratio, double Target, double? PairedRatio);
}

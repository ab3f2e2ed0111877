using System.IO;
using BenchmarkDotNet.Attributes;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using YamlDotNet.Core;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// README.md (Performance): the catalog pass (read + validate + merge + emit to strings) on models-dev.yaml (≈5,300 models) must stay
/// within 1.5× a bare YamlDotNet parse of the same text. Two readings of "bare parse" are measured in one run: the
/// event parser alone (the floor: it builds nothing) and YamlDotNet's own document model (YamlStream.Load).
/// </summary>
[MemoryDiagnoser]
public class CatalogPassBenchmarks
{
    private static readonly GeneratorOptions Options = new("Demo", IsPublic: false, NullableDirective: true);
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = SharedData.Read("catalogs/models-dev.yaml");

    [Benchmark(Baseline = true, Description = "YamlDotNet event parse (bare)")]
    public int BareYamlDotNetParse()
    {
        var parser = new Parser(new StringReader(_text));
        int events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    [Benchmark(Description = "YamlDotNet YamlStream.Load (document model)")]
    public int YamlStreamLoad()
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(_text));
        return stream.Documents.Count;
    }

    [Benchmark(Description = "catalog pass: read + validate + merge + emit")]
    public int CatalogPass()
    {
        var compiled = CatalogCompiler.Compile(_text, default);
        int length = 0;
        foreach (var source in SourceEmitter.Emit(compiled.Spec, Options))
        {
            length += source.Text.Length;
        }

        return length;
    }
}

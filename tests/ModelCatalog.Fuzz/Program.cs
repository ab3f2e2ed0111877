using System;
using System.IO;
using System.Linq;
using ModelCatalog.Fuzz;

// Long fuzz run of the catalog reader (see README): dotnet run -c Release --project tests/ModelCatalog.Fuzz -- 100000 [seed]
int count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
int seed = args.Length > 1 ? int.Parse(args[1]) : Environment.TickCount;
var root = AppContext.BaseDirectory;
string Find(string relative)
{
    for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException(relative);
}

var seeds = new[] { "models.yaml" }.Select(Find)
    .Concat(Directory.GetFiles(Path.GetDirectoryName(Find("tests/data/examples/lmstudio-local.models.yaml"))!, "*.yaml"))
    .Concat(new[] { "f02-json5-key-without-space", "f03-json5-escaped-quote" }.Select(c => Find("tests/data/cases/catalogs/" + c + "/models.yaml")))
    .Append(Find("tests/ModelCatalog.Generator.Tests/Catalogs/json5.models.yaml"))
    .Append(Find("tests/ModelCatalog.Generator.Tests/Catalogs/json.models.yaml"))
    .Select(File.ReadAllText).ToList();
var large = File.ReadAllText(Find("tests/data/catalogs/models-dev.yaml"));
seeds.Add(large.Substring(0, 20_000));
seeds.Add(File.ReadAllText(Find("tests/data/catalogs/litellm.yaml")).Substring(0, 20_000));

Console.WriteLine($"fuzzing the catalog reader: {count:N0} inputs, seed {seed}");
var started = DateTime.UtcNow;
var report = CatalogFuzzer.Run(new FuzzInputs(seeds, large) { LargeCatalogEvery = 500 }, seed, count,
    i =>
    {
        if ((i + 1) % 10_000 == 0)
        {
            Console.WriteLine($"  {i + 1:N0} inputs, {DateTime.UtcNow - started:mm\\:ss}");
        }
    });
Console.WriteLine($"inputs: {report.Inputs:N0} ({report.Json5:N0} JSON5, {report.Json5ComparedWithJson:N0} of them compared with System.Text.Json, {report.WithSyntaxError:N0} with MC0001, {report.WithOtherDiagnostics:N0} with other diagnostics), crashes: {report.Crashes}, failures: {report.Failures}, slowest: {report.Slowest.TotalMilliseconds:N0} ms, most allocated: {report.MostBytes / 1024 / 1024:N0} MB");
foreach (var failure in report.Samples)
{
    Console.WriteLine($"  input {failure.Index} ({failure.Kind}): {failure.Problem}; text starts {failure.Text.Substring(0, Math.Min(80, failure.Text.Length)).Replace("\n", "\\n")}");
}

return report.Failures == 0 ? 0 : 1;

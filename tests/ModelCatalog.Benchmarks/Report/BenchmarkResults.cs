using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ModelCatalog.Benchmarks.Report;

/// <summary>
/// The results of one BenchmarkDotNet run, read from its full JSON exports (<c>*-report-full*.json</c> in the results folder):
/// per benchmark (<c>Type.Method</c>) the median time in nanoseconds (robust to the load spikes of a shared machine) and the bytes allocated per operation, and the host's description.
/// </summary>
internal sealed class BenchmarkResults
{
    private readonly Dictionary<string, (double MedianNanoseconds, long? AllocatedBytes)> _results = new(StringComparer.Ordinal);

    private BenchmarkResults(string machine, string job)
    {
        Machine = machine;
        Job = job;
    }

    /// <summary>Processor, cores, OS and runtime as BenchmarkDotNet saw them.</summary>
    public string Machine { get; }

    /// <summary>The job the benchmarks ran with (warmups, iterations), from the first result.</summary>
    public string Job { get; }

    /// <summary>Reads every full JSON export in <paramref name="folder"/>; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    public static BenchmarkResults Load(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*-report-full*.json") : [];
        if (files.Length == 0)
        {
            throw new FileNotFoundException("No BenchmarkDotNet JSON results (*-report-full*.json) in " + folder + ": run the benchmarks with --exporters json.");
        }

        BenchmarkResults? results = null;
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (results is null)
            {
                var host = root.GetProperty("HostEnvironmentInfo");
                string machine = host.GetProperty("ProcessorName").GetString() + ", " + host.GetProperty("LogicalCoreCount").GetInt32() + " logical cores, " +
                    host.GetProperty("OsVersion").GetString() + ", " + host.GetProperty("RuntimeVersion").GetString();
                string job = "";
                foreach (var benchmark in root.GetProperty("Benchmarks").EnumerateArray())
                {
                    var display = benchmark.GetProperty("DisplayInfo").GetString() ?? "";
                    int colon = display.LastIndexOf(": ", StringComparison.Ordinal);
                    job = colon < 0 ? "" : display.Substring(colon + 2);
                    int open = job.IndexOf('(');
                    job = open < 0 ? job : job.Substring(open + 1).TrimEnd(')'); // "Job-X(IterationCount=15, …)" → its settings
                    break;
                }

                results = new BenchmarkResults(machine, job);
            }

            foreach (var benchmark in root.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // a benchmark that failed has no statistics: its target reads "not measured"
                }

                long? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
                    : null;
                results._results[benchmark.GetProperty("Type").GetString() + "." + benchmark.GetProperty("Method").GetString()] =
                    (statistics.GetProperty("Median").GetDouble(), allocated);
            }
        }

        return results!;
    }

    /// <summary>The median time in nanoseconds and bytes per operation of <c>Type.Method</c>, or <c>false</c> when it did not run.</summary>
    public bool TryGet(string typeAndMethod, out double medianNanoseconds, out long? allocatedBytes)
    {
        if (_results.TryGetValue(typeAndMethod, out var result))
        {
            (medianNanoseconds, allocatedBytes) = result;
            return true;
        }

        medianNanoseconds = 0;
        allocatedBytes = null;
        return false;
    }
}

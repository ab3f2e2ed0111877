using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using YamlDotNet.Core;

namespace ModelCatalog.Fuzz;

/// <summary>
/// Runs the whole catalog pass (read, validate, merge, name, emit) on each input and checks: no exception, an MC0001
/// for every text YamlDotNet itself rejects, and bounded time and allocation per input.
/// </summary>
internal static class CatalogFuzzer
{
    public static readonly TimeSpan MaxTimePerInput = TimeSpan.FromSeconds(10);

    private static readonly GeneratorOptions Options = new("Fuzz", IsPublic: false, NullableDirective: true);

    public sealed record Failure(int Index, string Kind, string Problem, string Text);

    public sealed record Report(int Inputs, int Crashes, int Failures, int WithSyntaxError, int WithOtherDiagnostics, TimeSpan Slowest, long MostBytes, Failure[] Samples);

    public static Report Run(FuzzInputs inputs, int seed, int count, Action<int>? progress = null)
    {
        var failures = new System.Collections.Generic.List<Failure>();
        int crashes = 0, withSyntaxError = 0, withOtherDiagnostics = 0;
        var slowest = TimeSpan.Zero;
        long mostBytes = 0;
        for (int i = 0; i < count; i++)
        {
            var (kind, text) = inputs.Create(seed, i);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            CompiledCatalog compiled;
            try
            {
                compiled = CatalogCompiler.Compile(text, default);
                SourceEmitter.Emit(compiled.Spec, Options);
            }
            catch (Exception ex)
            {
                crashes++;
                failures.Add(new Failure(i, kind, "threw " + ex.GetType().Name + ": " + ex.Message, text));
                continue;
            }

            watch.Stop();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            mostBytes = Math.Max(mostBytes, bytes);
            if (watch.Elapsed > MaxTimePerInput)
            {
                failures.Add(new Failure(i, kind, "took " + watch.Elapsed, text));
            }

            // Allocation grows with the text (YamlDotNet, the tree, the generated source), never beyond a fixed factor.
            if (bytes > 512L * 1024 * 1024 + 400L * text.Length)
            {
                failures.Add(new Failure(i, kind, "allocated " + bytes + " bytes for " + text.Length + " characters", text));
            }

            bool syntaxError = compiled.Diagnostics.Any(d => d.Id == "MC0001");
            withSyntaxError += syntaxError ? 1 : 0;
            withOtherDiagnostics += !syntaxError && compiled.Diagnostics.Count > 0 ? 1 : 0;
            if (syntaxError && !compiled.Spec.Equals(CatalogCompiler.BuiltInCatalogOnly.Spec))
            {
                failures.Add(new Failure(i, kind, "MC0001 was reported but the spec is not the built-in catalog alone", text));
            }

            if (!syntaxError && YamlDotNetRejects(text))
            {
                failures.Add(new Failure(i, kind, "YamlDotNet rejects this text but no MC0001 was reported", text));
            }

            progress?.Invoke(i);
        }

        return new Report(count, crashes, failures.Count, withSyntaxError, withOtherDiagnostics, slowest, mostBytes, failures.Take(5).ToArray());
    }

    /// <summary>
    /// The reference oracle: does YamlDotNet's own event parser fail on the text as the catalog reader reads it (BOM
    /// skipped, JSON5 comments blanked), within the same size and depth limits?
    /// </summary>
    private static bool YamlDotNetRejects(string text)
    {
        if (text.Length > 8 * 1024 * 1024)
        {
            return true;
        }

        var body = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        body = ModelCatalog.Generator.Reading.Json5Comments.LooksLikeJson5(body, 0) ? ModelCatalog.Generator.Reading.Json5Comments.Blank(body) : body;
        try
        {
            var parser = new Parser(new StringReader(body));
            int depth = 0;
            int documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.DocumentStart when ++documents > 1:
                        return true;
                    case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > 64:
                        return true;
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        depth--;
                        break;
                }
            }

            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}

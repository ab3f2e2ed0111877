using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;
using System.Text.Json;
using YamlDotNet.Core;

namespace ModelCatalog.Fuzz;

/// <summary>
/// Runs the whole catalog pass (read, validate, merge, name, emit) on each input and checks: no exception, an MC0001
/// for every YAML text YamlDotNet itself rejects, JSON read as System.Text.Json reads it, and bounded time and allocation per input.
/// </summary>
internal static class CatalogFuzzer
{
    public static readonly TimeSpan MaxTimePerInput = TimeSpan.FromSeconds(10);

    private static readonly GeneratorOptions Options = new("Fuzz", IsPublic: false, NullableDirective: true);

    public sealed record Failure(int Index, string Kind, string Problem, string Text);

    public sealed record Report(int Inputs, int Crashes, int Failures, int WithSyntaxError, int WithOtherDiagnostics, int Json5, int Json5ComparedWithJson, TimeSpan Slowest, long MostBytes, Failure[] Samples);

    public static Report Run(FuzzInputs inputs, int seed, int count, Action<int>? progress = null)
    {
        var failures = new System.Collections.Generic.List<Failure>();
        int crashes = 0, withSyntaxError = 0, withOtherDiagnostics = 0, json5 = 0, compared = 0;
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

            bool isJson5 = Json5TreeReader.StartsWithObject(text);
            json5 += isJson5 ? 1 : 0;
            var problem = isJson5 ? Json5OracleProblem(text, syntaxError, ref compared) : !syntaxError && YamlDotNetRejects(text)
                ? "YamlDotNet rejects this text but no MC0001 was reported"
                : null;
            if (problem is not null)
            {
                failures.Add(new Failure(i, kind, problem, text));
            }

            progress?.Invoke(i);
        }

        return new Report(count, crashes, failures.Count, withSyntaxError, withOtherDiagnostics, json5, compared, slowest, mostBytes, failures.Take(5).ToArray());
    }

    /// <summary>
    /// The JSON5 oracle, for the JSON subset: System.Text.Json (with comments and trailing commas, both JSON5) accepts
    /// the text, so the JSON5 reader must too, and read the same keys and values. Texts with U+2028/U+2029 are left
    /// out: JSON5 ends a // comment there, System.Text.Json does not.
    /// </summary>
    private static string? Json5OracleProblem(string text, bool syntaxError, ref int compared)
    {
        if (text.Length > CatalogTreeReader.MaxLength || text.IndexOf('\u2028') >= 0 || text.IndexOf('\u2029') >= 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            var body = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
            document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = CatalogTreeReader.MaxDepth });
        }
        catch (Exception)
        {
            return null;
        }

        using (document)
        {
            compared++;
            if (syntaxError)
            {
                return "System.Text.Json accepts this JSON (a subset of JSON5) but MC0001 was reported";
            }

            var root = CatalogTreeReader.Read(text, new System.Collections.Generic.List<CatalogDiagnostic>(), default);
            try
            {
                return root is not null && Same(document.RootElement, root) ? null : "the JSON5 reader reads other values than System.Text.Json";
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\uDE00") is valid JSON and JSON5, but System.Text.Json cannot make a string of it.
                return null;
            }
        }
    }

    private static bool Same(JsonElement expected, YamlNode actual)
    {
        var pending = new System.Collections.Generic.Stack<(JsonElement, YamlNode)>();
        pending.Push((expected, actual));
        while (pending.Count > 0)
        {
            var (json, node) = pending.Pop();
            switch (json.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = json.EnumerateObject().ToList();
                    if (node is not YamlMapping mapping || mapping.Entries.Count != properties.Count)
                    {
                        return false;
                    }

                    for (int i = 0; i < properties.Count; i++)
                    {
                        if (mapping.Entries[i].Key.Value != properties[i].Name)
                        {
                            return false;
                        }

                        pending.Push((properties[i].Value, mapping.Entries[i].Value));
                    }

                    break;
                case JsonValueKind.Array:
                    var items = json.EnumerateArray().ToList();
                    if (node is not YamlSequence sequence || sequence.Items.Count != items.Count)
                    {
                        return false;
                    }

                    for (int i = 0; i < items.Count; i++)
                    {
                        pending.Push((items[i], sequence.Items[i]));
                    }

                    break;
                case JsonValueKind.String:
                    if (node is not YamlScalar { IsPlain: false } text || text.Value != json.GetString())
                    {
                        return false;
                    }

                    break;
                default:
                    // Numbers and literals are kept as written.
                    if (node is not YamlScalar { IsPlain: true } literal || literal.Value != json.GetRawText())
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// The YAML oracle: does YamlDotNet's own event parser fail on the text as the catalog reader reads it (BOM skipped),
    /// within the same size and depth limits?
    /// </summary>
    private static bool YamlDotNetRejects(string text)
    {
        if (text.Length > 8 * 1024 * 1024)
        {
            return true;
        }

        var body = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;
using ModelCatalog.Generator.Validation;

namespace ModelCatalog.Cli;

/// <summary>
/// One catalog file, read and compiled by the same pass the build runs (<see cref="CompiledCatalogCache"/>): its
/// diagnostics, the runtime <see cref="Catalog"/> the generated code would hold, and the refs as written.
/// </summary>
internal sealed class CatalogFile
{
    /// <summary>The names looked for in the current folder, in order: the build's own rule.</summary>
    private static readonly string[] DefaultNames = CatalogFileSelector.DefaultNames;

    private Catalog? _catalog;
    private ParsedCatalog? _parsed;

    private CatalogFile(string path, string text)
    {
        Path = path;
        Text = text;
        SourceText = SourceText.From(text);
        DisplayName = CatalogFileSelector.DisplayName(path, configuredPath: null);
        Compiled = CompiledCatalogCache.Get(SourceText, DisplayName, CancellationToken.None);
    }

    /// <summary>The path as the user gave it (or the default name found).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The name the build's messages use for this file (its file name).</summary>
    public string DisplayName { get; }

    public SourceText SourceText { get; }

    public CompiledCatalog Compiled { get; }

    /// <summary>The runtime catalog (built-in merged with the file), decoded from the data the generator emits.</summary>
    public Catalog Catalog => _catalog ??= Catalog.FromGeneratedData(string.Concat(CatalogDataEncoder.Encode(Compiled.Spec)));

    /// <summary>The file's own, unmerged values (refs as written, with positions).</summary>
    public ParsedCatalog Parsed => _parsed ??= CatalogDocumentReader.Read(CatalogTreeReader.Read(Text, DisplayName, new List<CatalogDiagnostic>(), CancellationToken.None), DisplayName, new List<CatalogDiagnostic>());

    /// <summary>The refs as configured: primary, fallbacks, then every key of agents.defaults.models.</summary>
    public IEnumerable<string> ConfiguredRefs()
    {
        var parsed = Parsed;
        if (parsed.Primary.HasValue)
        {
            yield return parsed.Primary.Value;
        }

        foreach (var fallback in parsed.Fallbacks)
        {
            yield return fallback.Value;
        }

        foreach (var entry in parsed.Allowlist)
        {
            yield return entry.Ref.Value;
        }
    }

    /// <summary>Finds the catalog: <paramref name="file"/> if given (relative to the working folder), else the first default name present.</summary>
    /// <exception cref="CliException">No catalog found, or the file cannot be read.</exception>
    public static CatalogFile Load(CliContext context, string? file)
    {
        string path;
        if (file is not null)
        {
            path = file;
        }
        else
        {
            path = DefaultNames.FirstOrDefault(name => File.Exists(System.IO.Path.Combine(context.WorkingDirectory, name)))
                ?? throw new CliException("no catalog found: none of " + string.Join(", ", DefaultNames) + " is in " + context.WorkingDirectory + " (pass the file)");
        }

        var full = System.IO.Path.Combine(context.WorkingDirectory, path);
        try
        {
            return new CatalogFile(path, File.ReadAllText(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException("cannot read " + path + ": " + (e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
        }
    }

    /// <summary>The absolute path (for writing back).</summary>
    public string FullPath(CliContext context) => System.IO.Path.Combine(context.WorkingDirectory, Path);
}

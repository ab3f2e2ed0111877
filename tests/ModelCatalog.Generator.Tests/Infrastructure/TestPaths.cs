using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ModelCatalog.Generator.Tests.Infrastructure;

/// <summary>Locates the repository and its test data folder (tests/data) from this source file, whatever the working directory.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    /// <summary>tests/data: every file a test reads (provenance in tests/data/README.md), so a bare clone passes its tests.</summary>
    public static string Shared { get; } = Path.Combine(RepositoryRoot, "tests", "data");

    public static string SharedExample(string name) => Path.Combine(Shared, "examples", name);

    public static string SharedCatalog(string name) => Path.Combine(Shared, "catalogs", name);

    public static string ReadShared(string relativePath)
    {
        var path = Path.Combine(Shared, relativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("Missing test data file " + path + ".");
        }

        return File.ReadAllText(path);
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ModelCatalog.Generator.Tests.Infrastructure;

/// <summary>Locates the repository and the shared/ folder beside it from this source file, whatever the working directory.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    /// <summary>shared/ sits next to the repository (CI clones main with shared/ beside it).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SharedExample(string name) => Path.Combine(Shared, "examples", name);

    public static string SharedCatalog(string name) => Path.Combine(Shared, "catalogs", name);

    public static string ReadShared(string relativePath)
    {
        var path = Path.Combine(Shared, relativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("Missing " + path + ": tests need ../shared beside the repository.");
        }

        return File.ReadAllText(path);
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

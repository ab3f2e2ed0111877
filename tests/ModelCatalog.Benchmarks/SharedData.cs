using System;
using System.IO;

namespace ModelCatalog.Benchmarks;

/// <summary>Finds shared/ (beside the repository) from the benchmark's output folder.</summary>
internal static class SharedData
{
    public static string Read(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", relativePath);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("shared/" + relativePath + " was not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.IO;

namespace ModelCatalog.Benchmarks;

/// <summary>Finds tests/data from the benchmark's output folder.</summary>
internal static class SharedData
{
    public static string Read(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "data", relativePath);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("tests/data/" + relativePath + " was not found above " + AppContext.BaseDirectory);
    }
}

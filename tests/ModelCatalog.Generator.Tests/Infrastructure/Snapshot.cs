using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace ModelCatalog.Generator.Tests.Infrastructure;

/// <summary>
/// Received/verified snapshot files under Snapshots/&lt;name&gt;/. On a mismatch the actual text is written as
/// *.received.cs and the test fails at the first differing line. With MODELCATALOG_UPDATE_SNAPSHOTS=1 the verified
/// file is overwritten instead, and the test still fails so an update is never silently green.
/// </summary>
internal static class Snapshot
{
    /// <summary>
    /// Compares every file, then fails once listing each mismatch (so one run shows or updates them all). A verified file
    /// of the set that <paramref name="sources"/> no longer contains is a failure too (deleted in update mode).
    /// </summary>
    public static void VerifyAll(string name, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> sources)
    {
        var failures = new System.Collections.Generic.List<string>();
        var produced = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            produced.Add(Stem(source.Key));
            if (Compare(name, source.Key, source.Value) is { } failure)
            {
                failures.Add(failure);
            }
        }

        var directory = Path.Combine(TestPaths.ProjectDirectory, "Snapshots", name);
        foreach (var verifiedPath in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.verified.cs") : Array.Empty<string>())
        {
            var stem = Path.GetFileName(verifiedPath).Substring(0, Path.GetFileName(verifiedPath).Length - ".verified.cs".Length);
            if (produced.Contains(stem))
            {
                continue;
            }

            if (Environment.GetEnvironmentVariable("MODELCATALOG_UPDATE_SNAPSHOTS") == "1")
            {
                File.Delete(verifiedPath);
                failures.Add("Snapshot " + verifiedPath + " is no longer produced and was deleted; review and run again.");
            }
            else
            {
                failures.Add("Snapshot " + verifiedPath + " is no longer produced (MODELCATALOG_UPDATE_SNAPSHOTS=1 deletes it).");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static void Verify(string name, string hintName, string actual)
    {
        if (Compare(name, hintName, actual) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    private static string? Compare(string name, string hintName, string actual)
    {
        var directory = Path.Combine(TestPaths.ProjectDirectory, "Snapshots", name);
        var stem = Path.Combine(directory, Stem(hintName));
        var verifiedPath = stem + ".verified.cs";
        var receivedPath = stem + ".received.cs";
        var normalized = Normalize(actual);
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == normalized)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return null;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable("MODELCATALOG_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verifiedPath, normalized);
            return "Snapshot " + verifiedPath + " was updated; review the diff and run again.";
        }

        File.WriteAllText(receivedPath, normalized);
        return expected is null
            ? "No verified snapshot " + verifiedPath + "; see " + receivedPath + " (MODELCATALOG_UPDATE_SNAPSHOTS=1 accepts it)."
            : "Snapshot mismatch for " + verifiedPath + " at " + FirstDifference(expected, normalized) + "; see " + receivedPath;
    }

    private static string Stem(string hintName) =>
        hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName;

    private static string Normalize(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n"), "GeneratedCode\\(\"ModelCatalog\", \"[^\"]*\"\\)", "GeneratedCode(\"ModelCatalog\", \"{version}\")");

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (int i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end>";
            var r = i < right.Length ? right[i] : "<end>";
            if (l != r)
            {
                return "line " + (i + 1) + ":\n  verified: " + l + "\n  received: " + r;
            }
        }

        return "end of file";
    }
}

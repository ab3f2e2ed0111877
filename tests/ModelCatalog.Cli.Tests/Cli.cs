using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;

namespace ModelCatalog.Cli.Tests;

/// <summary>Runs the tool in-process with captured output, a chosen folder and chosen environment variables.</summary>
internal static class Cli
{
    public static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    public static string Data(params string[] parts) => Path.Combine(RepositoryRoot(), "tests", "data", Path.Combine(parts));

    public static string Golden(string name) => Path.Combine(RepositoryRoot(), "tests", "ModelCatalog.Cli.Tests", "Golden", name);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(workingDirectory, variables, null, args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, HttpMessageHandler? http, params string[] args) =>
        Run(workingDirectory, variables, http, null, null, args);

    /// <summary>
    /// Runs with OAuth sign-ins in <paramref name="tokenStore"/> (default: a folder that does not exist, never
    /// the user's profile) and the login poll on <paramref name="clock"/>.
    /// </summary>
    public static CliResult Run(
        string workingDirectory, IReadOnlyDictionary<string, string>? variables, HttpMessageHandler? http, FileOAuthTokenStore? tokenStore, TimeProvider? clock,
        params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, workingDirectory,
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            () => http is null ? new HttpClient() : new HttpClient(http, disposeHandler: false),
            tokenStore ?? new FileOAuthTokenStore(Path.Combine(Path.GetTempPath(), "modelcatalog-cli-no-sign-in-" + Guid.NewGuid().ToString("N"))), clock);
        int exitCode = CliApp.Run(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A fresh folder holding copies of <paramref name="files"/> (edits never touch tests/data).</summary>
    public static string TempFolder(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "modelcatalog-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    /// <summary>Compares with a golden file; set MODELCATALOG_UPDATE_GOLDEN=1 to rewrite them (then review the diff).</summary>
    public static void MatchesGolden(string name, string actual)
    {
        var path = Golden(name);
        if (Environment.GetEnvironmentVariable("MODELCATALOG_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Xunit.Assert.True(File.Exists(path), "golden file missing: " + path);
        Xunit.Assert.Equal(File.ReadAllText(path), actual);
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);

using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>Runs the dotnet CLI in a child process the way a user would, isolated from the test host's MSBuild state.</summary>
internal static class DotNetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments, string? packagesFolder, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The test host runs inside MSBuild/VSTest: its variables would steer the child build to the wrong SDK pieces.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        if (packagesFolder is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packagesFolder; // a fresh global package folder: no stale copy of the package
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(5)).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet " + arguments + " timed out in " + workingDirectory + ":\n" + output);
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public static string Succeed(string workingDirectory, string arguments, string? packagesFolder)
    {
        var (exitCode, output) = Run(workingDirectory, arguments, packagesFolder);
        Assert.True(exitCode == 0, "dotnet " + arguments + " failed (" + exitCode + "):\n" + output);
        return output;
    }

    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

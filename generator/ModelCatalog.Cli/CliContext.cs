using System;
using System.IO;
using System.Net.Http;

namespace ModelCatalog.Cli;

/// <summary>What one run of the tool talks to: its output streams, folder, variables and HTTP (tests pass their own).</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> getVariable, Func<HttpClient> createHttpClient)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        GetVariable = getVariable;
        CreateHttpClient = createHttpClient;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public string WorkingDirectory { get; }

    /// <summary>Reads an environment variable (a provider key is available when its <c>${VAR}</c> is set).</summary>
    public Func<string, string?> GetVariable { get; }

    public Func<HttpClient> CreateHttpClient { get; }

    public static CliContext Console() => new(
        System.Console.Out, System.Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, () => new HttpClient());
}

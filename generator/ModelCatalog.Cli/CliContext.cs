using System;
using System.IO;
using System.Net.Http;

namespace ModelCatalog.Cli;

/// <summary>What one run of the tool talks to: its output streams, folder, variables, HTTP, OAuth sign-ins and clock (tests pass their own).</summary>
internal sealed class CliContext
{
    public CliContext(
        TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> getVariable, Func<HttpClient> createHttpClient,
        FileOAuthTokenStore? tokenStore = null, TimeProvider? clock = null)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        GetVariable = getVariable;
        CreateHttpClient = createHttpClient;
        TokenStore = tokenStore ?? FileOAuthTokenStore.Default;
        Clock = clock ?? TimeProvider.System;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public string WorkingDirectory { get; }

    /// <summary>Reads an environment variable (a provider key is available when its <c>${VAR}</c> is set).</summary>
    public Func<string, string?> GetVariable { get; }

    public Func<HttpClient> CreateHttpClient { get; }

    /// <summary>Where <c>login</c> stores OAuth sign-ins and <c>logout</c>, <c>remains</c>, <c>status</c> and <c>list</c> find them.</summary>
    public FileOAuthTokenStore TokenStore { get; }

    /// <summary>The clock and timer of the login poll (tests pass one that steps instead of sleeping).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The variables as a resolver of the runtime (so <c>${VAR}</c> rules are the runtime's).</summary>
    public ISecretResolver Secrets => new DelegateSecretResolver(GetVariable);

    public static CliContext Console() => new(
        System.Console.Out, System.Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable, () => new HttpClient());
}

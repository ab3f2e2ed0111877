using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// The schema in the real editor server (yaml-language-server 2.x over stdio), loaded the way the README tells users:
/// the <c># yaml-language-server: $schema=…</c> line.
/// </summary>
public sealed class LanguageServerTests
{
    private static string Document(string body) =>
        "# yaml-language-server: $schema=" + new Uri(Path.Combine(Cli.RepositoryRoot(), "schema", "models.schema.json")).AbsoluteUri + "\n" + body;

    private static string Uri(string name) => new Uri(Path.Combine(Path.GetTempPath(), name)).AbsoluteUri;

    [LanguageServerFact]
    public async Task Completion_inside_a_provider_offers_its_keys()
    {
        using var server = await Start();
        var uri = Uri("provider.models.yaml");
        await server.OpenAsync(uri, Document("models:\n  providers:\n    acme:\n      \n"));

        var labels = await server.CompletionLabelsAsync(uri, 4, 6);

        Assert.Contains("baseUrl", labels);
        Assert.Contains("api", labels);
        Assert.Contains("apiKey", labels);
        Assert.Contains("models", labels);
    }

    [LanguageServerFact]
    public async Task Completion_of_api_offers_the_callable_kinds()
    {
        using var server = await Start();
        var uri = Uri("api.models.yaml");
        await server.OpenAsync(uri, Document("models:\n  providers:\n    acme:\n      api: \n"));

        var labels = await server.CompletionLabelsAsync(uri, 4, 11);

        Assert.Contains("anthropic-messages", labels);
        Assert.Contains("openai-completions", labels);
        Assert.Contains("openai-responses", labels);
    }

    [LanguageServerFact]
    public async Task A_quoted_context_window_gets_a_diagnostic_on_its_line()
    {
        using var server = await Start();
        var uri = Uri("type.models.yaml");
        await server.OpenAsync(uri, Document("models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: a\n          contextWindow: \"big\"\n"));

        var diagnostics = await server.DiagnosticsAsync(uri, TimeSpan.FromSeconds(20));

        Assert.Contains(diagnostics, d => d.StartsWith("8:", StringComparison.Ordinal) && d.Contains("integer", StringComparison.Ordinal));
    }

    [LanguageServerFact]
    public async Task Hover_on_cost_shows_the_unit()
    {
        using var server = await Start();
        var uri = Uri("hover.models.yaml");
        await server.OpenAsync(uri, Document("models:\n  providers:\n    acme:\n      models:\n        - id: a\n          cost: { input: 1, output: 2 }\n"));

        var hover = await server.HoverAsync(uri, 6, 12);

        Assert.Contains("USD per 1M tokens", hover);
    }

    private static Task<LanguageServer> Start() => LanguageServer.StartAsync();
}

/// <summary>A fact that is skipped, with the reason, only when Node.js or the installed server is missing.</summary>
public sealed class LanguageServerFactAttribute : FactAttribute
{
    public LanguageServerFactAttribute()
    {
        if (LanguageServer.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}

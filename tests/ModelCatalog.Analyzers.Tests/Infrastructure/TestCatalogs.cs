namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>Small catalogs the ModelRef tests share (merged with the built-in anthropic, openai, minimax and minimax-cn).</summary>
internal static class TestCatalogs
{
    /// <summary>acme (two models, one with a dotted id), xai (so "a/b" is tested next to a short provider id) and an alias.</summary>
    public const string Acme = """
        agents:
          defaults:
            models:
              acme/acme-small: { alias: fast }
        models:
          providers:
            acme:
              baseUrl: https://acme.example/v1
              api: openai-completions
              apiKey: ${ACME_API_KEY}
              models:
                - id: Acme-Large-2.1
                - id: acme-small
            xai:
              baseUrl: https://api.x.ai/v1
              api: openai-completions
              apiKey: ${XAI_API_KEY}
              models:
                - id: grok-4
        """;

    /// <summary>
    /// <see cref="Acme"/> whose agents also name the built-in minimax and anthropic (primary and fallback), so the
    /// project's catalog uses them: their refs are the catalog's wherever they appear (README.md, "Model refs in C#").
    /// </summary>
    public static readonly string AcmeUsingBuiltIns = Acme.Replace(
        "  defaults:\n", "  defaults:\n    model:\n      primary: minimax/MiniMax-M2.1\n      fallbacks: [anthropic/claude-opus-4-6]\n");

    /// <summary>
    /// Appended to a test's source (after its last line, so spans stay put): the usual app, whose only
    /// <c>IChatClient</c> is a <c>CatalogChatClient</c>, which is evidence that its <c>ChatOptions.ModelId</c> values
    /// target the catalog (README.md, "Model refs in C#").
    /// </summary>
    public const string CatalogOnlyApp = """

        static class CatalogOnlyApp
        {
            public static Microsoft.Extensions.AI.IChatClient Client(ModelCatalog.Catalog catalog) => new ModelCatalog.CatalogChatClient(catalog);
        }

        """;
}

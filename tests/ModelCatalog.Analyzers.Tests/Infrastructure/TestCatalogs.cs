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
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>list</c> against OpenClaw's <c>models list</c> format (openclaw-config.md §12), byte for byte.</summary>
public sealed class ListTests
{
    private static readonly string Examples = Cli.Data("examples");

    [Theory]
    [InlineData("list-opus.txt", "opus-primary-minimax-fallback.models.yaml")]
    [InlineData("list-opus.json", "opus-primary-minimax-fallback.models.yaml", "--json")]
    [InlineData("list-opus-plain.txt", "opus-primary-minimax-fallback.models.yaml", "--plain")]
    [InlineData("list-lmstudio.txt", "lmstudio-local.models.yaml")]
    [InlineData("list-lmstudio.json", "lmstudio-local.models.yaml", "--json")]
    [InlineData("list-minimax.txt", "minimax-api-key.models.yaml")]
    [InlineData("list-all-minimax.txt", "minimax-api-key.models.yaml", "--all", "--provider", "MiniMax")]
    [InlineData("list-all-local.txt", "lmstudio-local.models.yaml", "--all", "--local")]
    public void Examples_match_golden_output(string golden, string file, params string[] options)
    {
        var result = Cli.Run(Examples, null, new[] { "list", "--file", file }.Concat(options).ToArray());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Cli.MatchesGolden(golden, result.Output);
    }

    [Fact]
    public void Auth_is_yes_exactly_when_the_keys_variable_is_set()
    {
        var without = Cli.Run(Examples, null, "list", "--file", "opus-primary-minimax-fallback.models.yaml");
        var with = Cli.Run(Examples, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-test" }, "list", "--file", "opus-primary-minimax-fallback.models.yaml");

        Assert.Contains("anthropic/claude-opus-4-6                  text+image 977k     no    no    default,configured,alias:opus\n", without.Output);
        Assert.Contains("anthropic/claude-opus-4-6                  text+image 977k     no    yes   default,configured,alias:opus\n", with.Output);
        Assert.Contains("minimax/MiniMax-M2.1                       text       200k     no    no    fallback#1,configured,alias:minimax\n", with.Output);
    }

    [Fact]
    public void Rows_columns_and_missing_tag_match_the_openclaw_reference_lines()
    {
        // The two example lines of openclaw-config.md §12, reproduced with a catalog that has exactly those facts.
        const string Catalog = """
            agents:
              defaults:
                model:
                  primary: openrouter/moonshotai/kimi-k2.5
                  fallbacks: [openrouter/moonshotai/kimi-k2, openrouter/moonshotai/kimi-k2.5]
                models:
                  openrouter/moonshotai/kimi-k2.5: {}
                  minimax/MiniMax-M2.5: {}
            models:
              mode: replace
              providers:
                openrouter:
                  baseUrl: https://openrouter.ai/api/v1
                  api: openai-completions
                  apiKey: ${OPENROUTER_API_KEY}
                  models:
                    - { id: moonshotai/kimi-k2.5, input: [text, image], contextWindow: 262144 }
                    - { id: moonshotai/kimi-k2, contextWindow: 204800 }

            """;
        var folder = Cli.TempFolder(("models.yaml", Catalog));

        var result = Cli.Run(folder, new Dictionary<string, string> { ["OPENROUTER_API_KEY"] = "k" }, "list");

        Assert.Equal(
            "Model                                      Input      Ctx      Local Auth  Tags\n" +
            "openrouter/moonshotai/kimi-k2.5            text+image 256k     no    yes   default,fallback#2,configured\n" +
            "openrouter/moonshotai/kimi-k2              text       200k     no    yes   fallback#1\n" +
            "minimax/MiniMax-M2.5                       -          -        -     -     configured,missing\n",
            result.Output);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Ctx_rounds_like_openclaw()
    {
        Assert.Equal("195k", Listing.ModelsTable.Ctx(200_000));
        Assert.Equal("200k", Listing.ModelsTable.Ctx(204_800));
        Assert.Equal("1k", Listing.ModelsTable.Ctx(512)); // a half rounds up, as JavaScript's Math.round
    }

    [Fact]
    public void Without_a_catalog_one_line_on_stderr_and_exit_2()
    {
        var folder = Cli.TempFolder();

        var result = Cli.Run(folder, null, "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("modelcatalog: no catalog found: none of models.yaml, models.yml, models.json5 is in " + folder + " (pass the file)\n", result.Error);
    }

    [Fact]
    public void Finds_models_yml_and_models_json5_in_the_folder()
    {
        var yml = Cli.TempFolder(("models.yml", File.ReadAllText(Path.Combine(Examples, "minimax-api-key.models.yaml"))));
        var json5 = Cli.TempFolder(("models.json5", File.ReadAllText(Path.Combine(Examples, "minimax-api-key.models.yaml"))));

        Assert.Equal(File.ReadAllText(Cli.Golden("list-minimax.txt")), Cli.Run(yml, null, "list").Output);
        Assert.Equal(File.ReadAllText(Cli.Golden("list-minimax.txt")), Cli.Run(json5, null, "list").Output);
    }
}

using System.IO;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>set</c>, <c>fallbacks</c>, <c>aliases</c>: in-place edits that keep comments and style; refusals write nothing.</summary>
public sealed class EditTests
{
    private const string Block = """
        # My catalog: comments and layout must survive every edit.
        agents:
          defaults:
            model:
              primary: minimax/MiniMax-M2.1   # the main one
              fallbacks:
                - anthropic/claude-opus-4-6   # expensive
            models:
              minimax/MiniMax-M2.1: { alias: minimax }
        models:
          mode: merge   # built-in + this file

        """;

    [Fact]
    public void Block_yaml_edits_keep_comments_and_layout()
    {
        var folder = Cli.TempFolder(("models.yaml", Block));

        Assert.Equal(0, Cli.Run(folder, null, "set", "anthropic/claude-sonnet-4-6").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "add", "minimax/MiniMax-M2.5").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "aliases", "add", "opus", "anthropic/claude-opus-4-6").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "remove", "anthropic/claude-opus-4-6").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "aliases", "remove", "minimax").ExitCode);

        Cli.MatchesGolden("edit-block.yaml", File.ReadAllText(Path.Combine(folder, "models.yaml")));
        Assert.Equal("minimax/MiniMax-M2.5\n", Cli.Run(folder, null, "fallbacks", "list").Output);
        Assert.Equal("opus -> anthropic/claude-opus-4-6\n", Cli.Run(folder, null, "aliases", "list").Output);
    }

    [Fact]
    public void Json5_edits_keep_flow_style_quotes_and_trailing_commas()
    {
        var folder = Cli.TempFolder(("models.json5", File.ReadAllText(Cli.Data("examples", "opus-primary-minimax-fallback.models.yaml"))));

        Assert.Equal(0, Cli.Run(folder, null, "set", "minimax").ExitCode); // an alias is written as the ref it names
        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "add", "anthropic/claude-sonnet-4-6").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "aliases", "add", "sonnet", "anthropic/claude-sonnet-4-6").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "aliases", "remove", "opus").ExitCode);

        Cli.MatchesGolden("edit-flow.json5", File.ReadAllText(Path.Combine(folder, "models.json5")));
    }

    [Fact]
    public void Compact_json5_is_read_as_json5_and_stays_valid_after_edits()
    {
        // Unquoted keys without a space after ':' and single quotes: YAML cannot read this, only the JSON5 reader can.
        var folder = Cli.TempFolder(("models.json5",
            "// my catalog\n{agents:{defaults:{model:{primary:'minimax/MiniMax-M2.1',fallbacks:['anthropic/claude-opus-4-6',],},},},}\n"));

        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "add", "minimax/MiniMax-M2.5").ExitCode);

        Assert.Equal("anthropic/claude-opus-4-6\nminimax/MiniMax-M2.5\n", Cli.Run(folder, null, "fallbacks", "list").Output);
        Assert.Equal(0, Cli.Run(folder, null, "check").ExitCode);
        Assert.StartsWith("// my catalog\n{agents:{defaults:{model:{primary:'minimax/MiniMax-M2.1',", File.ReadAllText(Path.Combine(folder, "models.json5")));
    }

    [Fact]
    public void Clear_and_edits_on_a_file_without_agents()
    {
        var folder = Cli.TempFolder(("models.yaml", "models:\n  mode: merge\n"));

        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "add", "minimax/MiniMax-M2.5").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "set", "minimax/MiniMax-M2.1").ExitCode);
        Assert.Equal(0, Cli.Run(folder, null, "fallbacks", "clear").ExitCode);

        Assert.Equal(
            "models:\n  mode: merge\nagents:\n  defaults:\n    model:\n      fallbacks: []\n      primary: minimax/MiniMax-M2.1\n    models:\n      minimax/MiniMax-M2.1: {}\n",
            File.ReadAllText(Path.Combine(folder, "models.yaml")));
    }

    [Theory]
    [InlineData("set", "anthropic/claude-opsu-4-6", "modelcatalog: refused: MC0007: agents.defaults.model.primary 'anthropic/claude-opsu-4-6' names a model provider 'anthropic' does not have (did you mean 'anthropic/claude-opus-4-6' or 'anthropic/claude-opus-4-5'?); add { id: claude-opsu-4-6 } to models.providers.anthropic.models or fix the ref; nothing was written\n")]
    [InlineData("fallbacks add", "minimax/minimax-m2.5", "modelcatalog: refused: MC0008: ")]
    [InlineData("fallbacks add", "anthropc/claude-opus-4-6", "modelcatalog: refused: MC0009: ")]
    [InlineData("fallbacks remove", "minimax/MiniMax-M2.7", "modelcatalog: 'minimax/MiniMax-M2.7' is not a fallback; nothing was written\n")]
    [InlineData("aliases remove", "nope", "modelcatalog: no alias 'nope'; nothing was written\n")]
    public void Refusals_exit_1_and_write_nothing(string command, string argument, string error)
    {
        var folder = Cli.TempFolder(("models.yaml", Block));

        var result = Cli.Run(folder, null, (command + " " + argument).Split(' '));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(error, result.Error);
        Assert.Equal(Block, File.ReadAllText(Path.Combine(folder, "models.yaml")));
    }

    [Fact]
    public void An_alias_taken_by_another_model_is_refused()
    {
        var folder = Cli.TempFolder(("models.yaml", Block));

        var result = Cli.Run(folder, null, "aliases", "add", "MiniMax", "anthropic/claude-opus-4-6");

        Assert.Equal((1, "modelcatalog: alias 'MiniMax' already names minimax/MiniMax-M2.1 (remove it first); nothing was written\n"), (result.ExitCode, result.Error));
        Assert.Equal(Block, File.ReadAllText(Path.Combine(folder, "models.yaml")));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_not_edited()
    {
        var folder = Cli.TempFolder(("models.yaml", "models: [\n"));

        var result = Cli.Run(folder, null, "set", "minimax/MiniMax-M2.1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("modelcatalog: cannot edit the catalog: the file cannot be read (", result.Error);
        Assert.Equal("models: [\n", File.ReadAllText(Path.Combine(folder, "models.yaml")));
    }
}

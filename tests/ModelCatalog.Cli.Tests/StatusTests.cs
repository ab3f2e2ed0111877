using System.Collections.Generic;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>status</c>: resolved chain, aliases, auth per provider; <c>--check</c> fails on a provider without its key.</summary>
public sealed class StatusTests
{
    private static readonly string Examples = Cli.Data("examples");

    [Fact]
    public void Shows_the_chain_aliases_and_auth_without_any_key_value()
    {
        var result = Cli.Run(Examples, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-secret-value" },
            "status", "--file", "opus-primary-minimax-fallback.models.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "Catalog   : opus-primary-minimax-fallback.models.yaml\n" +
            "Default   : anthropic/claude-opus-4-6\n" +
            "Fallbacks (1): minimax/MiniMax-M2.1\n" +
            "Aliases (2): minimax -> minimax/MiniMax-M2.1, opus -> anthropic/claude-opus-4-6\n" +
            "Auth:\n" +
            "- anthropic: yes (${ANTHROPIC_API_KEY})\n" +
            "- minimax: no (${MINIMAX_API_KEY})\n",
            result.Output);
        Assert.DoesNotContain("sk-secret-value", result.Output);
    }

    [Fact]
    public void Check_exits_1_when_a_needed_key_is_missing_and_0_when_all_are_set()
    {
        var missing = Cli.Run(Examples, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "a" },
            "status", "--check", "--file", "opus-primary-minimax-fallback.models.yaml");
        var complete = Cli.Run(Examples, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "a", ["MINIMAX_API_KEY"] = "m" },
            "status", "--check", "--file", "opus-primary-minimax-fallback.models.yaml");
        var local = Cli.Run(Examples, null, "status", "--check", "--file", "lmstudio-local.models.yaml");

        Assert.Equal((1, "modelcatalog: no key for minimax (${MINIMAX_API_KEY})\n"), (missing.ExitCode, missing.Error));
        Assert.Equal((0, ""), (complete.ExitCode, complete.Error));
        Assert.Equal(0, local.ExitCode); // LM Studio's literal placeholder key is compiled in
    }
}

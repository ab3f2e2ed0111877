using System.Collections.Generic;
using System.Linq;
using ModelCatalog.Generator.Naming;
using Xunit;

namespace ModelCatalog.Generator.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("MiniMax-M2.1", "MiniMaxM2_1")]
    [InlineData("MiniMax-M2.1-lightning", "MiniMaxM2_1Lightning")]
    [InlineData("claude-opus-4-6", "ClaudeOpus4_6")]
    [InlineData("minimax-m2.1-gs32", "MinimaxM2_1Gs32")]
    [InlineData("gpt-4o-mini", "Gpt4oMini")]
    [InlineData("lmstudio", "Lmstudio")]
    [InlineData("302ai", "_302ai")]
    [InlineData("gpt-3.5-turbo", "Gpt3_5Turbo")]
    [InlineData("gpt-35-turbo", "Gpt35Turbo")]
    [InlineData("workers-ai/@cf/baai/bge-m3", "WorkersAiCfBaaiBgeM3")]
    [InlineData("~anthropic/claude-opus-latest", "AnthropicClaudeOpusLatest")]
    [InlineData("amazon.nova-pro-v1:0", "AmazonNovaProV1_0")]
    [InlineData("---", "_")]
    [InlineData("", "_")]
    [InlineData("über-model", "BerModel")]
    public void IdentifierRule(string id, string expected) => Assert.Equal(expected, IdentifierNamer.ToIdentifier(id));

    [Fact]
    public void ReservedNamesGetATrailingUnderscore()
    {
        var names = NameAllocator.Allocate(new[] { "equals", "get-type", "aliases", "primary", "fallbacks", "model-ids", "claudinio" }, "Claudinio", null);
        Assert.Equal("Equals_", names["equals"]);
        Assert.Equal("GetType_", names["get-type"]);
        Assert.Equal("Aliases_", names["aliases"]);
        Assert.Equal("Primary_", names["primary"]);
        Assert.Equal("Fallbacks_", names["fallbacks"]);
        Assert.Equal("ModelIds_", names["model-ids"]);
        Assert.Equal("Claudinio_", names["claudinio"]);
    }

    [Fact]
    public void CollisionsKeepTheOrdinallyFirstIdAndSuffixTheRestSkippingTakenNames()
    {
        var collisions = new List<(string Id, string Owner, string Name)>();
        var names = NameAllocator.Allocate(new[] { "a.1", "a-1", "a_1", "A1_2" }, null, (id, owner, name) => collisions.Add((id, owner, name)));
        Assert.Equal("A1", names["a-1"]);        // '-' sorts before '.' and '_'
        Assert.Equal("A1_2", names["A1_2"]);     // its natural name is taken by nobody earlier
        Assert.Equal("A1_3", names["a.1"]);      // _2 is taken, so _3
        Assert.Equal("A1_4", names["a_1"]);
        Assert.Equal(new[] { ("a.1", "a-1", "A1_3"), ("a_1", "a-1", "A1_4") }, collisions.OrderBy(c => c.Id, System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void AllocationDoesNotDependOnOrder()
    {
        var ids = new[] { "x-1", "x.1", "x_1", "y" };
        Assert.Equal(NameAllocator.Allocate(ids, null, null), NameAllocator.Allocate(ids.Reverse(), null, null));
    }
}

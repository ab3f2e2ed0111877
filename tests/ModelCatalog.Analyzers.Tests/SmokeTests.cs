using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

public sealed class SmokeTests
{
    [Fact]
    public Task Smoke() => new ModelRefAnalyzerTest("""
        using Microsoft.Extensions.AI;
        class C
        {
            void M()
            {
                var a = new ChatOptions { ModelId = {|MC1001:"minimax/minimax-m2.1"|} };
                var b = new ChatOptions { ModelId = {|MC1004:"minimax/MiniMax-M2.1"|} };
                var c = new ChatOptions { ModelId = {|MC1002:"mistral/mistral-large"|} };
                var d = new ChatOptions { ModelId = {|MC1003:"minimax/MiniMax-M9"|} };
                var e = new ChatOptions { ModelId = "foo/bar" };
                var f = new ChatOptions { ModelId = Demo.ModelIds.Minimax.MiniMaxM2_1 };
            }
        }
        """, null).RunAsync();
}

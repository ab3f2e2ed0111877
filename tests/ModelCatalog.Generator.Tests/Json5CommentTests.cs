using ModelCatalog.Generator.Reading;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>JSON5 comments are blanked with positions kept; strings and unquoted URLs are left alone.</summary>
public sealed class Json5CommentTests
{
    [Theory]
    [InlineData("{ a: 1, // note\n b: 2 }", "{ a: 1,        \n b: 2 }")]
    [InlineData("{ /* x\ny */ a: 1 }", "{     \n     a: 1 }")]
    [InlineData("{ url: \"http://x.example/v1\" }", "{ url: \"http://x.example/v1\" }")]
    [InlineData("{ baseUrl: http://localhost:1234/v1 } // end", "{ baseUrl: http://localhost:1234/v1 }       ")]
    [InlineData("{ s: 'it\\'s // not a comment' }", "{ s: 'it\\'s // not a comment' }")]
    public void BlanksOnlyComments(string input, string expected) => Assert.Equal(expected, Json5Comments.Blank(input));

    [Fact]
    public void UnquotedUrlInAJson5FileKeepsItsValue()
    {
        var compiled = CatalogCompiler.Compile("{ models: { providers: { local: { baseUrl: http://localhost:1234/v1, api: openai-completions, models: [{ id: m }] } } } }", default);
        Assert.Empty(compiled.Diagnostics);
        Assert.Contains(compiled.Spec.Providers, p => p.Id == "local" && p.BaseUrl == "http://localhost:1234/v1");
    }
}

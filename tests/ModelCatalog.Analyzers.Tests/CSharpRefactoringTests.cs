using System.Linq;
using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.CodeFixes;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The literal fixes offered as refactorings on the string under the caret (for csharp-ls-style hosts that list
/// refactorings but no analyzer fixes): the same titles and edits as the code fixes, and only where the analyzer reports.
/// </summary>
public sealed class CSharpRefactoringTests
{
    private const string CaseMismatch = """
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Options => new ChatOptions { ModelId = "minimax/minim$$ax-m2.1" };
        }
        """;

    [Fact]
    public async Task MC1001_OffersTheRightCaseAndTheConstant()
    {
        using var workspace = new RefactoringWorkspace(CaseMismatch, catalog: null, catalogOnlyApp: true);
        var actions = await workspace.RefactoringsAsync(new ModelRefRefactoringProvider());

        Assert.Equal(new[] { "Use 'minimax/MiniMax-M2.1' (model ids are case-sensitive)", "Use ModelIds.Minimax.MiniMaxM2_1" }, actions.Select(a => a.Title));
        Assert.Equal("""
            using Microsoft.Extensions.AI;

            class Program
            {
                ChatOptions Options => new ChatOptions { ModelId = "minimax/MiniMax-M2.1" };
            }
            """, await workspace.ApplyAsync(actions[0]));
        Assert.Equal("""
            using Demo;
            using Microsoft.Extensions.AI;

            class Program
            {
                ChatOptions Options => new ChatOptions { ModelId = ModelIds.Minimax.MiniMaxM2_1 };
            }
            """, await workspace.ApplyAsync(actions[1]));
    }

    [Theory]
    [InlineData("ModelId = $$\"minimax/minimax-m2.1\"")] // caret before the opening quote
    [InlineData("ModelId = \"minimax/minimax-m2.1\"$$")] // caret after the closing quote
    [InlineData("ModelId = [|\"minimax/minimax-m2.1\"|]")] // the literal selected
    [InlineData("ModelId = \"minimax/[|minimax|]-m2.1\"")] // part of it selected
    public async Task MC1001_OfferedWhereverTheCaretOrSelectionIsInTheLiteral(string assignment)
    {
        using var workspace = new RefactoringWorkspace(
            "class Program { Microsoft.Extensions.AI.ChatOptions Options => new() { " + assignment + " }; }", catalog: null, catalogOnlyApp: true);
        var actions = await workspace.RefactoringsAsync(new ModelRefRefactoringProvider());
        Assert.Equal(2, actions.Length);
    }

    [Fact]
    public async Task MC1004_OffersTheConstant_NoUsingInsideTheGeneratedNamespace()
    {
        using var workspace = new RefactoringWorkspace("""
            using ModelCatalog;

            namespace Demo.Chat
            {
                class Program
                {
                    static void Send([ModelRef] string model) { }

                    void M() => Send("acme/Acme-$$Large-2.1");
                }
            }
            """, TestCatalogs.Acme);
        var action = Assert.Single(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));

        Assert.Equal("Use ModelIds.Acme.AcmeLarge2_1", action.Title);
        Assert.Equal("""
            using ModelCatalog;

            namespace Demo.Chat
            {
                class Program
                {
                    static void Send([ModelRef] string model) { }

                    void M() => Send(ModelIds.Acme.AcmeLarge2_1);
                }
            }
            """, await workspace.ApplyAsync(action));
    }

    [Fact]
    public async Task MC1002_ProviderTypo_OffersTheCatalogProvider()
    {
        using var workspace = new RefactoringWorkspace(
            "class Program\n{\n    void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = \"minmax/Mini$$Max-M2.1\";\n}\n", catalog: null, catalogOnlyApp: true);
        var action = Assert.Single(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));

        Assert.Equal("Change to 'minimax/MiniMax-M2.1'", action.Title);
        Assert.Equal("class Program\n{\n    void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = \"minimax/MiniMax-M2.1\";\n}\n", await workspace.ApplyAsync(action));
    }

    [Fact]
    public async Task MC1003_DidYouMean_OffersTheClearSuggestion()
    {
        using var workspace = new RefactoringWorkspace("""
            using ModelCatalog;
            class Program
            {
                static void Send([ModelRef] string model) { }
                void M() { Send("fs$$at"); Send("fast"); }
            }
            """, TestCatalogs.Acme);
        var action = Assert.Single(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));

        Assert.Equal("Change to 'fast'", action.Title);
        Assert.Equal("""
            using ModelCatalog;
            class Program
            {
                static void Send([ModelRef] string model) { }
                void M() { Send("fast"); Send("fast"); }
            }
            """, await workspace.ApplyAsync(action));
    }

    [Theory]
    // A correct alias in a [ModelRef] position: the analyzer is silent.
    [InlineData("using ModelCatalog;\nclass P { static void Send([ModelRef] string m) { } void M() => Send(\"fa$$st\"); }")]
    // A string that is no ref at all, in no ref position.
    [InlineData("class P { string Greeting => \"hello$$ world\"; }")]
    // Two clearly near models (MC1003 without a clear suggestion): nothing to change to.
    [InlineData("class P { void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = \"minimax/MiniMax-M2$$.6\"; }")]
    // The caret outside any literal.
    [InlineData("class P { void M(Microsoft.Extensions.AI.ChatOptions o) => o.Model$$Id = \"minimax/minimax-m2.1\"; }")]
    public async Task NotOffered_WhereTheAnalyzerReportsNothingToEdit(string markup)
    {
        using var workspace = new RefactoringWorkspace(markup, TestCatalogs.AcmeUsingBuiltIns, catalogOnlyApp: true);
        Assert.Empty(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));
    }

    [Fact]
    public async Task NotOffered_OnAnIdMeantForAnotherClient()
    {
        // OpenRouter's "minimax/minimax-m2.1" handed to the OpenAI SDK is its correct id, not a miscased catalog ref,
        // even though the catalog uses minimax: the same literal free-standing would get MC1001.
        const string Markup = """
            class P
            {
                object Router => new OpenAI.OpenAIClient("key").GetChatClient("minimax/minim$$ax-m2.1");
                const string Free = "minimax/minimax-m2.1";
            }
            """;
        using var workspace = new RefactoringWorkspace(Markup + OtherClients.Source, TestCatalogs.AcmeUsingBuiltIns);
        Assert.Empty(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));

        using var control = new RefactoringWorkspace(Markup.Replace("$$", string.Empty).Replace("Free = \"minimax/", "Free = \"minimax/$$") + OtherClients.Source,
            TestCatalogs.AcmeUsingBuiltIns);
        Assert.Equal(2, (await control.RefactoringsAsync(new ModelRefRefactoringProvider())).Length);
    }

    [Fact]
    public async Task NotOffered_WhenTheRuleIsTurnedOff()
    {
        using var workspace = new RefactoringWorkspace(CaseMismatch, catalog: null,
            ModelRefTestSetup.GlobalConfig + "dotnet_diagnostic.MC1001.severity = none\n", catalogOnlyApp: true);
        Assert.Empty(await workspace.RefactoringsAsync(new ModelRefRefactoringProvider()));
    }
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.CodeFixes;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The C# fixes. Every test also runs Fix All in document, project and solution scope (the framework applies the fix-all
/// provider and compares with the same expected text), and the fixed code compiles against the generated ModelIds.
/// </summary>
public sealed class CSharpCodeFixTests
{
    [Fact]
    public Task MC1001_CorrectTheCaseInPlace() => new ModelRefCodeFixTest<FixModelRefCaseCodeFix>("""
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Options => new ChatOptions { ModelId = {|MC1001:"minimax/minimax-m2.1"|} };
            const string Fallback = {|MC1001:"MINIMAX/minimax-M2.5"|};
        }
        """, """
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Options => new ChatOptions { ModelId = {|MC1004:"minimax/MiniMax-M2.1"|} };
            const string Fallback = "minimax/MiniMax-M2.5";
        }
        """, TestCatalogs.AcmeUsingBuiltIns).RunAsync(); // minimax is the primary: its refs are the catalog's anywhere

    [Fact]
    public Task MC1001_UseTheConstant_AddsTheUsing() => new ModelRefCodeFixTest<UseModelIdsConstantCodeFix>("""
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Options => new ChatOptions { ModelId = {|MC1001:"minimax/minimax-m2.1"|} };
        }
        """, """
        using Demo;
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Options => new ChatOptions { ModelId = ModelIds.Minimax.MiniMaxM2_1 };
        }
        """, catalog: null).WithCatalogOnlyApp().RunAsync();

    [Fact]
    public Task MC1004_UseTheConstant_InsideTheGeneratedNamespaceNeedsNoUsing() => new ModelRefCodeFixTest<UseModelIdsConstantCodeFix>("""
        using ModelCatalog;

        namespace Demo.Chat
        {
            class Program
            {
                static void Send([ModelRef] string model) { }

                void M()
                {
                    Send({|MC1004:"acme/Acme-Large-2.1"|});
                    Send({|MC1004:"ACME/acme-small"|});
                    Send("fast");
                }
            }
        }
        """, """
        using ModelCatalog;

        namespace Demo.Chat
        {
            class Program
            {
                static void Send([ModelRef] string model) { }

                void M()
                {
                    Send(ModelIds.Acme.AcmeLarge2_1);
                    Send(ModelIds.Acme.AcmeSmall);
                    Send("fast");
                }
            }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task MC1004_UseTheConstant_StaysQualifiedWhereModelIdsMeansSomethingElse() => new ModelRefCodeFixTest<UseModelIdsConstantCodeFix>("""
        namespace Other
        {
            static class ModelIds { }

            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1004:"xai/grok-4"|};
            }
        }
        """, """
        namespace Other
        {
            static class ModelIds { }

            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = Demo.ModelIds.Xai.Grok4;
            }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task MC1004_UseTheConstant_FixAllAcrossDocuments_WithModelCatalogNamespace()
    {
        var test = new ModelRefCodeFixTest<UseModelIdsConstantCodeFix>(
            "class A { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|MC1004:\"openai/gpt-5\"|}; o.ModelId = {|MC1004:\"openai/gpt-4o\"|}; } }\n",
            "using My.Models;\n\nclass A { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = ModelIds.Openai.Gpt5; o.ModelId = ModelIds.Openai.Gpt4o; } }\n",
            TestCatalogs.AcmeUsingBuiltIns, // anthropic is a fallback: B.cs's free-standing constant is the catalog's
            ModelRefTestSetup.GlobalConfig + "build_property.ModelCatalogNamespace = My.Models\n").WithCatalogOnlyApp();
        test.TestState.Sources.Add(("/0/B.cs", "class B { const string Opus = {|MC1001:\"anthropic/Claude-Opus-4-6\"|}; }\n"));
        test.FixedState.Sources.Add(("/0/B.cs", "using My.Models;\n\nclass B { const string Opus = ModelIds.Anthropic.ClaudeOpus4_6; }\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MC1003_ChangeToTheClearlyNearestModel_NotWhenSeveralAreEquallyNear()
    {
        var test = new ModelRefCodeFixTest<UseSuggestedModelRefCodeFix>("""
            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o)
                {
                    o.ModelId = {|MC1003:"minimax/MiniMax-M2.7-highsped"|};
                    o.ModelId = {|#0:"minimax/MiniMax-M2.6"|};
                }
            }
            """, """
            class Program
            {
                void M(Microsoft.Extensions.AI.ChatOptions o)
                {
                    o.ModelId = {|MC1004:"minimax/MiniMax-M2.7-highspeed"|};
                    o.ModelId = {|#0:"minimax/MiniMax-M2.6"|};
                }
            }
            """, catalog: null).WithCatalogOnlyApp();
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MC1003", DiagnosticSeverity.Warning).WithLocation(0));
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("MC1003", DiagnosticSeverity.Warning).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task MC1003_SlashFreeValue_ChangeToTheAlias() => new ModelRefCodeFixTest<UseSuggestedModelRefCodeFix>("""
        using ModelCatalog;
        class Program
        {
            static void Send([ModelRef] string model) { }
            void M() { Send({|MC1003:"fsat"|}); Send({|MC1003:"grok-4"|}); }
        }
        """, """
        using ModelCatalog;
        class Program
        {
            static void Send([ModelRef] string model) { }
            void M() { Send("fast"); Send({|MC1004:"xai/grok-4"|}); }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task MC1002_ProviderTypo_ChangeToTheCatalogProvider() => new ModelRefCodeFixTest<UseSuggestedModelRefCodeFix>("""
        class Program
        {
            void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1002:"minmax/MiniMax-M2.1"|};
        }
        """, """
        class Program
        {
            void M(Microsoft.Extensions.AI.ChatOptions o) => o.ModelId = {|MC1004:"minimax/MiniMax-M2.1"|};
        }
        """, catalog: null).WithCatalogOnlyApp().RunAsync();
}

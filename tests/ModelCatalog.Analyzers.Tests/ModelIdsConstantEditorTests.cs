using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers.Diagnostics;
using ModelCatalog.CodeFixes;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The name the use-constant fix writes when the generated code is part of the compilation, as in the IDE (the
/// code-fix tests run the generator only for the final compile, so they cover the "not visible yet" path).
/// </summary>
public sealed class ModelIdsConstantEditorTests
{
    private const string Generated = """
        namespace Demo
        {
            internal static partial class ModelIds
            {
                internal static partial class Xai { public const string Grok4 = "xai/grok-4"; }
            }
        }
        """;

    [Theory]
    [InlineData(
        "namespace Demo.Chat { class P { string M() => [|\"xai/grok-4\"|]; } }",
        "namespace Demo.Chat { class P { string M() => ModelIds.Xai.Grok4; } }")]
    [InlineData(
        "using System;\n\nclass P { string M() => [|\"xai/grok-4\"|]; }",
        "using Demo;\nusing System;\n\nclass P { string M() => ModelIds.Xai.Grok4; }")]
    [InlineData(
        "// header\nclass P { string M() => [|\"xai/grok-4\"|]; }",
        "// header\nusing Demo;\n\nclass P { string M() => ModelIds.Xai.Grok4; }")]
    [InlineData(
        "namespace Other { static class ModelIds { } class P { string M() => [|\"xai/grok-4\"|]; } }",
        "namespace Other { static class ModelIds { } class P { string M() => Demo.ModelIds.Xai.Grok4; } }")]
    [InlineData(
        "namespace Other { static class ModelIds { } class P { int Demo = 0; string M() => [|\"xai/grok-4\"|]; } }",
        "namespace Other { static class ModelIds { } class P { int Demo = 0; string M() => global::Demo.ModelIds.Xai.Grok4; } }")]
    public async Task ShortestNameThatBindsToTheConstant(string markup, string expected)
    {
        int start = markup.IndexOf("[|");
        int end = markup.IndexOf("|]") - 2;
        var source = markup.Replace("[|", "").Replace("|]", "");

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Demo", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(Basic.Reference.Assemblies.Net80.References.All);
        var document = project.AddDocument("P.cs", SourceText.From(source));
        document = document.Project.AddDocument("ModelIds.g.cs", SourceText.From(Generated)).Project.GetDocument(document.Id)!;

        var tree = await document.GetSyntaxTreeAsync();
        var diagnostic = Diagnostic.Create(DiagnosticDescriptors.UseModelIdsConstant, Location.Create(tree!, TextSpan.FromBounds(start, end)),
            ImmutableDictionary<string, string?>.Empty.Add("Constant", "ModelIds.Xai.Grok4").Add("Namespace", "Demo"),
            "xai/grok-4", "ModelIds.Xai.Grok4");

        var fixedDocument = await ModelIdsConstantEditor.ReplaceAsync(document, new[] { diagnostic }, CancellationToken.None);
        Assert.Equal(expected, (await fixedDocument.GetTextAsync()).ToString());
        var compilation = await fixedDocument.Project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}

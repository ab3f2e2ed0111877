using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static ModelCatalog.Analyzers.Tests.Infrastructure.CatalogVerifier;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// Catalog diagnostics inside JSON5 files: exact line, column and message, as the build prints them. Syntax errors are
/// MC0001 at the offending character, in JSON5 terms.
/// </summary>
public sealed class Json5DiagnosticTests
{
    [Fact]
    public Task MC0003_InACompactOneLineFile() => VerifyAsync(
        "{models:{providers:{acme:{baseUrl:'https://a.test/v1',api:'openai-completions',models:[{id:'m',contextWindow:Infinity,maxTokens:'8192',cost:{input:-0x1,output:NaN}}]}}}}",
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 110, 1, 118)
            .WithMessage("model 'acme/m' contextWindow must be a finite number, not Infinity"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 129, 1, 135)
            .WithMessage("model 'acme/m' maxTokens must be a number, not a quoted string (remove the quotes)"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 148, 1, 152)
            .WithMessage("model 'acme/m' cost.input must not be negative (-0x1); prices are USD per 1M tokens"),
        Diagnostic("MC0003", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 160, 1, 163)
            .WithMessage("model 'acme/m' cost.output must be a finite number, not NaN"));

    [Fact]
    public Task MC0002_OnAnUnquotedKey() => VerifyAsync(
        "{\n  models: {provders: {}, mode: 'merge'},\n}\n",
        Diagnostic("MC0002", DiagnosticSeverity.Warning).WithSpan(CatalogPath, 2, 12, 2, 20)
            .WithMessage("unknown key 'provders' in models; did you mean 'providers'?"));

    [Fact]
    public Task MC0005_DuplicateKeyKeepsTheFirst() => VerifyAsync(
        "{ models: { mode: 'merge', \"mode\": 'replace' } }",
        Diagnostic("MC0005", DiagnosticSeverity.Error).WithSpan(CatalogPath, 1, 28, 1, 34)
            .WithMessage("duplicate key 'mode' in models; the first one is used, remove this one"));

    [Fact]
    public Task SchemaKeyAndEveryStringFormAreAccepted() => VerifyAsync(
        "\uFEFF// OpenClaw config\n{ $schema: 'https://example.test/schema.json', models: { mode: \"mer\\\nge\" }, }\n");

    [Theory]
    [InlineData("{\n  models: {\n    mode: 'merge'\n    providers: {}\n  }\n}\n", 4, 5, 4, 6, "expected ',' or '}' after the value of 'mode', found 'p'")]
    [InlineData("{\n  models: { mode: 'merge }\n}\n", 2, 19, 2, 27, "unterminated string: no closing ' before the end of the line; close it, or write \\n for a line break")]
    [InlineData("{ agents: { defaults: { model: \"a\\qb\\1\" } } }", 1, 37, 1, 39, "invalid escape '\\1' in a string: JSON5 has no octal escapes; write \\\\ for a backslash")]
    [InlineData("{ a: '\\x4g' }", 1, 7, 1, 10, "invalid escape '\\x4' in a string: \\x needs exactly two hex digits; write \\\\ for a backslash")]
    [InlineData("{\n  models: {\n    mode: 'merge',\n", 4, 1, 4, 1, "unexpected end of file; '{' at 2:11 is not closed")]
    [InlineData("{ models: { providers: { acme: { api: openai-completions } } } }", 1, 39, 1, 57, "unquoted text 'openai-completions'; a JSON5 string needs quotes: write \"openai-completions\"")]
    [InlineData("{ models: { providers: { local: { baseUrl: http://localhost:1234/v1, api: 'openai-completions' } } } }", 1, 44, 1, 68, "unquoted text 'http://localhost:1234/v1'; a JSON5 string needs quotes: write \"http://localhost:1234/v1\"")]
    [InlineData("{ models: { providers: { acme: { headers: { X-Title: 'x' } } } } }", 1, 46, 1, 47, "unquoted key 'X-Title' contains '-', which a JSON5 name cannot hold; quote the key: \"X-Title\"")]
    [InlineData("{ models: { providers: { 302ai: {} } } }", 1, 26, 1, 27, "unquoted key '302ai' starts with '3'; a JSON5 key is a name or a quoted string: write \"302ai\"")]
    [InlineData("{}\n{}\n", 2, 1, 2, 2, "unexpected '{' after the closing '}' of the top-level object; a JSON5 file holds one object")]
    [InlineData("{ a: 01 }", 1, 6, 1, 8, "invalid number '01': a JSON5 number has no leading zeros; a text value needs quotes")]
    [InlineData("{ a: [1,, 2] }", 1, 9, 1, 10, "expected a value or ']' in the list 'a', found ','")]
    [InlineData("{ a: 1, , }", 1, 9, 1, 10, "expected a key or '}' in the object, found ','")]
    [InlineData("{ a 1 }", 1, 5, 1, 6, "expected ':' after the key 'a', found '1'")]
    [InlineData("{ a: }", 1, 6, 1, 7, "expected a value after 'a:', found '}'")]
    [InlineData("{ a: 1 /* open", 1, 8, 1, 10, "unterminated comment: '/*' is never closed by '*/'")]
    public Task MC0001_SyntaxErrorsInJson5Terms(string text, int line, int column, int endLine, int endColumn, string cause) => VerifyAsync(
        text,
        Diagnostic("MC0001", DiagnosticSeverity.Error).WithSpan(CatalogPath, line, column, endLine, endColumn)
            .WithMessage("models.yaml is not valid JSON5: " + cause + "; fix the syntax here"));

    [Theory]
    [InlineData("f02-json5-key-without-space")]
    [InlineData("f03-json5-escaped-quote")]
    public Task HandedJson5CasesAreClean(string folder) => VerifyAsync(ReadShared("cases/catalogs/" + folder + "/models.yaml"));
}

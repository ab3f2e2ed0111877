using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Naming;

namespace ModelCatalog.Generator;

/// <summary>Reads <c>ModelCatalogNamespace</c>, <c>RootNamespace</c> and <c>ModelCatalogVisibility</c> into <see cref="GeneratorOptions"/>.</summary>
internal static class GeneratorOptionsReader
{
    public static GeneratorOptions Read(AnalyzerConfigOptions globalOptions, ParseOptions parseOptions)
    {
        var ns = Value(globalOptions, "build_property.ModelCatalogNamespace") ?? Value(globalOptions, "build_property.RootNamespace");
        var isPublic = string.Equals(Value(globalOptions, "build_property.ModelCatalogVisibility"), "public", System.StringComparison.OrdinalIgnoreCase);
        var nullable = parseOptions is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new GeneratorOptions(ns is null ? null : SanitizeNamespace(ns), isPublic, nullable);
    }

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Keeps valid dotted names as they are; repairs invalid parts with the identifier rule (never a broken namespace).</summary>
    private static string SanitizeNamespace(string ns)
    {
        var builder = new StringBuilder(ns.Length);
        foreach (var part in ns.Split('.'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None
                ? part
                : IdentifierNamer.ToIdentifier(part).TrimStart('@'));
        }

        return builder.Length == 0 ? "ModelCatalogGenerated" : builder.ToString();
    }
}

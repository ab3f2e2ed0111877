using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Emitting;

/// <summary>
/// Emits the generated API (README.md, A tour of the generated code) as text: <c>ModelCatalog.g.cs</c> (ModelIds root with Aliases, Primary and
/// Fallbacks; ModelProviders; GeneratedModelCatalog) and one file per provider (its ModelIds and ModelCosts classes).
/// C# 7.3 syntax only; every public member has XML docs.
/// </summary>
internal static class SourceEmitter
{
    public const string RootHintName = "ModelCatalog.g.cs";

    private static readonly string ToolVersion = typeof(SourceEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static List<GeneratedSource> Emit(CatalogSpec spec, GeneratorOptions options)
    {
        // One buffer for every file of the pass: each file costs its final string, not a builder of its own as well.
        var buffer = new StringBuilder(4096);
        var sources = new List<GeneratedSource>(spec.Providers.Count + 1) { new(RootHintName, EmitRoot(spec, options, buffer)) };
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RootHintName };
        foreach (var provider in spec.Providers)
        {
            // Class names are unique, but hint names must be unique ignoring case (Minimax vs MiniMax).
            var stem = "ModelCatalog." + provider.ClassName.TrimStart('@');
            var hintName = stem + ".g.cs";
            for (int n = 2; !hintNames.Add(hintName); n++)
            {
                hintName = stem + "_" + n + ".g.cs";
            }

            sources.Add(new GeneratedSource(hintName, EmitProvider(provider, options, buffer)));
        }

        return sources;
    }

    private static string EmitRoot(CatalogSpec spec, GeneratorOptions options, StringBuilder buffer)
    {
        var visibility = Visibility(options);
        var writer = Start(options, buffer, 4096);
        writer.Line("/// <summary>Model refs (<c>provider/model-id</c>) compiled from models.yaml: one nested class per provider, the aliases, the primary model and its fallbacks.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class ModelIds");
        writer.Line("/// <summary>Aliases from <c>agents.defaults.models</c>: each constant is the canonical ref the alias stands for.</summary>");
        writer.Open(visibility + " static partial class Aliases");
        // A ${VAR} ref is resolved at run time (MC0015): it names no model at build time, so it gets no constant.
        foreach (var alias in spec.Aliases.Where(a => !VariableReferences.ContainsReference(a.Ref)))
        {
            writer.Line("/// <summary>Alias <c>" + SourceFormatting.Xml(alias.Alias) + "</c>: " + SourceFormatting.Xml(alias.Ref) + ".</summary>");
            writer.Line("public const string " + alias.MemberName + " = " + SourceFormatting.StringLiteral(alias.Ref) + ";");
        }

        writer.Close();
        if (spec.Primary is not null && !VariableReferences.ContainsReference(spec.Primary))
        {
            writer.Line();
            writer.Line("/// <summary>The primary model (<c>agents.defaults.model.primary</c>): " + SourceFormatting.Xml(spec.Primary) + ".</summary>");
            writer.Line("public const string Primary = " + SourceFormatting.StringLiteral(spec.Primary) + ";");
        }

        var checkedFallbacks = spec.Fallbacks.Where(f => !VariableReferences.ContainsReference(f)).ToList();
        writer.Line();
        writer.Line("/// <summary>The fallback models, in order (<c>agents.defaults.model.fallbacks</c>); empty when none are set.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Fallbacks { get; } = global::System.Array.AsReadOnly(new string[] { " +
            string.Join(", ", checkedFallbacks.Select(SourceFormatting.StringLiteral)) + (checkedFallbacks.Count > 0 ? " " : "") + "});");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Model prices in USD per 1M tokens, one nested class per provider (<see cref=\"global::ModelCatalog.ModelCost.Unknown\"/> when models.yaml has no cost).</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class ModelCosts");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>The catalog's providers: base URL, protocol, key reference (never a literal key) and models.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class ModelProviders");
        var catalogType = CatalogType(options);
        for (int i = 0; i < spec.Providers.Count; i++)
        {
            var provider = spec.Providers[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Provider <c>" + SourceFormatting.Xml(provider.Id) + "</c>: " + SourceFormatting.Xml(provider.Api) + " at " +
                SourceFormatting.Xml(provider.BaseUrl) + ", " + provider.Models.Count + (provider.Models.Count == 1 ? " model" : " models") + ".</summary>");
            writer.Line("public static readonly global::ModelCatalog.ProviderInfo " + provider.ClassName + " = " + catalogType + ".Instance.GetProvider(" +
                SourceFormatting.StringLiteral(provider.Id) + ");");
        }

        writer.Close();
        writer.Line();

        writer.Line("/// <summary>The catalog compiled from models.yaml merged with ModelCatalog's built-in catalog.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class GeneratedModelCatalog");
        writer.Line("/// <summary>The catalog: resolve refs and aliases, list providers and models, hand it to <c>CatalogChatClient</c>. Decoded on first use.</summary>");
        writer.Line("public static global::ModelCatalog.Catalog Instance { get { return Holder.Catalog; } }");
        writer.Line();
        writer.Line("// Compact data instead of thousands of constructor calls keeps the consumer's build fast (format: ModelCatalog/1).");
        writer.Line("private const string Data =");
        var chunks = CatalogDataEncoder.Encode(spec);
        for (int i = 0; i < chunks.Length; i++)
        {
            writer.StartLine().Append("    ").AppendLiteral(chunks[i]).Append(i == chunks.Length - 1 ? ";" : " +").EndLine();
        }

        writer.Line();
        writer.Open("private static class Holder");
        writer.Line("internal static readonly global::ModelCatalog.Catalog Catalog = global::ModelCatalog.Catalog.FromGeneratedData(Data);");
        writer.Close();
        writer.Close();
        return Finish(writer, options);
    }

    private static string EmitProvider(ProviderSpec provider, GeneratorOptions options, StringBuilder buffer)
    {
        var visibility = Visibility(options);
        var writer = Start(options, buffer, 1024 + provider.Models.Count * 640);
        var providerSummary = "<c>" + SourceFormatting.Xml(provider.Id) + "</c> (" + SourceFormatting.Xml(provider.Api) + " at " + SourceFormatting.Xml(provider.BaseUrl) + ")";
        writer.Open(visibility + " static partial class ModelIds");
        writer.Line("/// <summary>Model refs of provider " + providerSummary + ".</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class " + provider.ClassName);
        for (int i = 0; i < provider.Models.Count; i++)
        {
            var model = provider.Models[i];
            if (i > 0)
            {
                writer.Line();
            }

            // The hottest lines for large catalogs: appended piece by piece (escaping included), no string per member.
            // The ref provider/model-id is escaped in pieces: escaping is per character and '/' splits no surrogate pair.
            writer.StartLine().Append("/// <summary>").AppendXml(model.Name).Append(" (").AppendXml(provider.Id).Append('/').AppendXml(model.Id)
                .Append("): ").Append(SourceFormatting.Tokens(model.ContextWindow)).Append("-token context, ").Append(SourceFormatting.Tokens(model.MaxTokens))
                .Append(" max output, ").Append(SourceFormatting.PriceSummary(model.Cost)).Append(".</summary>").EndLine();
            writer.StartLine().Append("public const string ").Append(model.MemberName).Append(" = \"").AppendLiteralText(provider.Id).Append('/')
                .AppendLiteralText(model.Id).Append("\";").EndLine();
        }

        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open(visibility + " static partial class ModelCosts");
        writer.Line("/// <summary>Prices of the models of provider " + providerSummary + ", USD per 1M tokens.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open(visibility + " static partial class " + provider.ClassName);

        // One table read from the catalog data instead of a constructor call per model: thousands of object
        // creations with decimal arguments made consumer builds measurably slower. (The name cannot clash: the
        // identifier rule never produces a lower-case first letter.)
        writer.Line("private static readonly global::ModelCatalog.ModelCost[] s_costs = " + CatalogType(options) + ".Instance.CostsOf(" +
            SourceFormatting.StringLiteral(provider.Id) + ");");
        for (int i = 0; i < provider.Models.Count; i++)
        {
            var model = provider.Models[i];
            writer.Line();
            writer.StartLine().Append("/// <summary>").AppendXml(provider.Id).Append('/').AppendXml(model.Id).Append(": ").Append(SourceFormatting.FullPrice(model.Cost))
                .Append(".</summary>").EndLine();
            writer.StartLine().Append("public static readonly global::ModelCatalog.ModelCost ").Append(model.MemberName).Append(" = s_costs[")
                .Append(Index(i)).Append("];").EndLine();
        }

        writer.Close();
        writer.Close();
        return Finish(writer, options);
    }

    // Member indexes repeat in every provider file: the first few hundred are formatted once.
    private static readonly string[] SmallIndexes = Enumerable.Range(0, 512).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Index(int i) => i < SmallIndexes.Length ? SmallIndexes[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string GeneratedCodeAttribute => "[global::System.CodeDom.Compiler.GeneratedCode(\"ModelCatalog\", \"" + ToolVersion + "\")]";

    private static string CatalogType(GeneratorOptions options) =>
        (options.Namespace is null ? "global::" : "global::" + options.Namespace + ".") + "GeneratedModelCatalog";

    private static string Visibility(GeneratorOptions options) => options.IsPublic ? "public" : "internal";

    private static CodeWriter Start(GeneratorOptions options, StringBuilder buffer, int capacity)
    {
        var writer = new CodeWriter(buffer, capacity);
        writer.Line("// <auto-generated/>");
        if (options.NullableDirective)
        {
            writer.Line("#nullable enable");
        }

        writer.Line();
        if (options.Namespace is not null)
        {
            writer.Open("namespace " + options.Namespace);
        }

        return writer;
    }

    private static string Finish(CodeWriter writer, GeneratorOptions options)
    {
        if (options.Namespace is not null)
        {
            writer.Close();
        }

        return writer.ToString();
    }
}

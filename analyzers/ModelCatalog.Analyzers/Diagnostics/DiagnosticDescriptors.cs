using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.Analyzers.Diagnostics;

/// <summary>
/// The descriptors of every ModelCatalog diagnostic, kept with the assembly that reports them (CatalogFileAnalyzer reports
/// MC00xx, ModelRefAnalyzer MC10xx; AnalyzerReleases.*.md beside this project track them). Catalog diagnostics (MC00xx) carry
/// a message finished by the generator's validator, which names the offending value and the fix; C# diagnostics (MC10xx)
/// format their arguments. The ids themselves stay in the generator (DiagnosticIds), whose validator produces them.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string CatalogCategory = "ModelCatalog.Catalog";
    public const string UsageCategory = "ModelCatalog.Usage";
    public const string HelpLinkBase = "https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#";

    /// <summary>MC0001: "{0}" — not valid YAML/JSON5, or too deep/too large.</summary>
    public static readonly DiagnosticDescriptor InvalidSyntax = Catalog(DiagnosticIds.InvalidSyntax, "Catalog file cannot be read", DiagnosticSeverity.Error);

    /// <summary>MC0002: "{0}" — unknown key where the key set is known.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = Catalog(DiagnosticIds.UnknownKey, "Unknown key in the catalog file", DiagnosticSeverity.Warning);

    /// <summary>MC0003: "{0}" — invalid value.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Catalog(DiagnosticIds.InvalidValue, "Invalid value in the catalog file", DiagnosticSeverity.Error);

    /// <summary>MC0004: "{0}" — required field missing.</summary>
    public static readonly DiagnosticDescriptor MissingField = Catalog(DiagnosticIds.MissingField, "Required field missing in the catalog file", DiagnosticSeverity.Error);

    /// <summary>MC0005: "{0}" — duplicate provider, model id, alias or key.</summary>
    public static readonly DiagnosticDescriptor Duplicate = Catalog(DiagnosticIds.Duplicate, "Duplicate entry in the catalog file", DiagnosticSeverity.Error);

    /// <summary>MC0006: "{0}" — secret written as a literal.</summary>
    public static readonly DiagnosticDescriptor LiteralSecret = Catalog(DiagnosticIds.LiteralSecret, "Secret written as a literal in the catalog file", DiagnosticSeverity.Warning);

    /// <summary>MC0007: "{0}" — ref names a model the provider does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownCatalogModel = Catalog(DiagnosticIds.UnknownCatalogModel, "Model ref names a model the provider does not have", DiagnosticSeverity.Error);

    /// <summary>MC0008: "{0}" — ref differs only in case from a catalog model.</summary>
    public static readonly DiagnosticDescriptor CatalogRefCaseMismatch = Catalog(DiagnosticIds.CatalogRefCaseMismatch, "Model ref differs only in case from a catalog model", DiagnosticSeverity.Error);

    /// <summary>MC0009: "{0}" — ref names a provider with no provider block.</summary>
    public static readonly DiagnosticDescriptor CatalogRefUnknownProvider = Catalog(DiagnosticIds.CatalogRefUnknownProvider, "Model ref names a provider with no provider block", DiagnosticSeverity.Error);

    /// <summary>MC0010: "{0}" — maxTokens exceeds contextWindow (clamped).</summary>
    public static readonly DiagnosticDescriptor MaxTokensExceedsContext = Catalog(DiagnosticIds.MaxTokensExceedsContext, "maxTokens exceeds contextWindow", DiagnosticSeverity.Warning);

    /// <summary>MC0011: "{0}" — two ids map to the same generated identifier (suffixed).</summary>
    public static readonly DiagnosticDescriptor IdentifierCollision = Catalog(DiagnosticIds.IdentifierCollision, "Two ids map to the same generated identifier", DiagnosticSeverity.Warning);

    /// <summary>MC0012: "{0}" — a model's prices look like USD per token (every non-zero field below $0.001 per 1M).</summary>
    public static readonly DiagnosticDescriptor PerTokenPrice = Catalog(DiagnosticIds.PerTokenPrice, "Prices look like USD per token, not per 1M tokens", DiagnosticSeverity.Warning);

    /// <summary>MC0013: "{0}" — the primary, a fallback or an alias target uses an api CatalogChatClient cannot call.</summary>
    public static readonly DiagnosticDescriptor UncallableApi = Catalog(DiagnosticIds.UncallableApi, "Default model uses an api CatalogChatClient cannot call", DiagnosticSeverity.Warning);

    /// <summary>
    /// MC0014: "{0}" — the MSBuild property <c>ModelCatalogFile</c> names a file the project does not have; reported once per
    /// compilation without a location (a project diagnostic), at compilation end.
    /// </summary>
    public static readonly DiagnosticDescriptor CatalogFileNotFound = new(
        DiagnosticIds.CatalogFileNotFound, "ModelCatalogFile names a file that does not exist", "{0}", CatalogCategory, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.CatalogFileNotFound), customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>MC0015: "{0}" — a ref holds ${VAR}: resolved at run time through the client's resolver, not checked at build.</summary>
    public static readonly DiagnosticDescriptor RefResolvedAtRunTime = Catalog(DiagnosticIds.RefResolvedAtRunTime, "Model ref is resolved at run time", DiagnosticSeverity.Info);

    /// <summary>MC1001: "Model ref '{0}' differs only in case from catalog model '{1}': model ids are case-sensitive; use '{1}' or {2}" ({2} = the ModelIds constant).</summary>
    public static readonly DiagnosticDescriptor ModelRefCaseMismatch = new(
        DiagnosticIds.ModelRefCaseMismatch, "Model id differs only in case from a catalog model",
        "Model ref '{0}' differs only in case from catalog model '{1}': model ids are case-sensitive; use '{1}' or {2}",
        UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.ModelRefCaseMismatch));

    /// <summary>
    /// MC1002: "Model ref '{0}' names provider '{1}', which has no provider block{2}; add models.providers.{1} to {3}" ({2} = " and is not
    /// built in", with a did-you-mean for a typo, or the replace-mode note for a built-in provider; {3} = the catalog file, e.g. models.yaml).
    /// </summary>
    public static readonly DiagnosticDescriptor ModelRefUnknownProvider = new(
        DiagnosticIds.ModelRefUnknownProvider, "Model ref names a provider with no provider block",
        "Model ref '{0}' names provider '{1}', which has no provider block{2}; add models.providers.{1} to {3}",
        UsageCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.ModelRefUnknownProvider));

    /// <summary>
    /// MC1003: "{0}" — e.g. "Provider 'minimax' has no model 'MiniMax-M9' (did you mean 'minimax/MiniMax-M2.1'?); fix the ref or add
    /// { id: MiniMax-M9 } to models.providers.minimax.models in models.yaml", or "'opsu' is not a provider/model-id ref or an alias (did you mean 'opus'?); …".
    /// </summary>
    public static readonly DiagnosticDescriptor ModelRefUnknownModel = new(
        DiagnosticIds.ModelRefUnknownModel, "Model the configured provider does not have",
        "{0}", UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.ModelRefUnknownModel));

    /// <summary>MC1004: "Model ref '{0}' has a generated constant: use {1}".</summary>
    public static readonly DiagnosticDescriptor UseModelIdsConstant = new(
        DiagnosticIds.UseModelIdsConstant, "Use the generated ModelIds constant",
        "Model ref '{0}' has a generated constant: use {1}",
        UsageCategory, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink(DiagnosticIds.UseModelIdsConstant));

    private static readonly Dictionary<string, DiagnosticDescriptor> CatalogById = new()
    {
        [DiagnosticIds.InvalidSyntax] = InvalidSyntax,
        [DiagnosticIds.UnknownKey] = UnknownKey,
        [DiagnosticIds.InvalidValue] = InvalidValue,
        [DiagnosticIds.MissingField] = MissingField,
        [DiagnosticIds.Duplicate] = Duplicate,
        [DiagnosticIds.LiteralSecret] = LiteralSecret,
        [DiagnosticIds.UnknownCatalogModel] = UnknownCatalogModel,
        [DiagnosticIds.CatalogRefCaseMismatch] = CatalogRefCaseMismatch,
        [DiagnosticIds.CatalogRefUnknownProvider] = CatalogRefUnknownProvider,
        [DiagnosticIds.MaxTokensExceedsContext] = MaxTokensExceedsContext,
        [DiagnosticIds.IdentifierCollision] = IdentifierCollision,
        [DiagnosticIds.PerTokenPrice] = PerTokenPrice,
        [DiagnosticIds.UncallableApi] = UncallableApi,
        [DiagnosticIds.RefResolvedAtRunTime] = RefResolvedAtRunTime,
    };

    /// <summary>The catalog descriptors (MC00xx), in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> CatalogDescriptors => CatalogById.Values;

    /// <summary>The descriptor of a catalog diagnostic id.</summary>
    public static DiagnosticDescriptor ForCatalogId(string id) => CatalogById[id];

    public static string HelpLink(string id) => HelpLinkBase + id.ToLowerInvariant();

    private static DiagnosticDescriptor Catalog(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", CatalogCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}

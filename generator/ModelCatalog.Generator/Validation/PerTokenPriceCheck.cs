using System.Collections.Generic;
using System.Globalization;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// MC0012: a model whose prices look like USD per token. Catalog prices are USD per 1M tokens (OpenClaw's unit), and
/// price pages often list per-token prices (<c>0.000003</c> for $3 per 1M); the smallest real per-1M price lists
/// are around $0.01, so a cost whose every non-zero field is below $0.001 per 1M was almost surely copied in the
/// wrong unit. A zero price is a free model and never counts. The values are kept as written: this is a warning.
/// </summary>
internal static class PerTokenPriceCheck
{
    /// <summary>Below this a non-zero price (USD per 1M tokens) is taken for a per-token price.</summary>
    private const decimal Threshold = 0.001m;

    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>Checks every model of the user's file; one warning per model, at its first such price.</summary>
    public static void Check(ParsedCatalog catalog, List<CatalogDiagnostic> diagnostics)
    {
        foreach (var provider in catalog.Providers)
        {
            foreach (var model in provider.Models)
            {
                if (model.Cost.HasValue && LooksPerToken(model.CostValues) is { } first)
                {
                    diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.PerTokenPrice, first.Range, Message(provider.Id + "/" + model.Id.Value, first, model.CostValues)));
                }
            }
        }
    }

    /// <summary>The first non-zero price when every non-zero price is below the threshold; otherwise <c>null</c>.</summary>
    private static ParsedPrice? LooksPerToken(List<ParsedPrice> prices)
    {
        ParsedPrice? first = null;
        foreach (var price in prices)
        {
            if (price.Value == 0m)
            {
                continue;
            }

            if (price.Value >= Threshold)
            {
                return null;
            }

            first ??= price;
        }

        return first;
    }

    private static string Message(string modelRef, ParsedPrice first, List<ParsedPrice> prices)
    {
        var meant = new List<string>(prices.Count);
        foreach (var price in prices)
        {
            if (price.Value != 0m)
            {
                meant.Add(price.Field + ": " + PerMillion(price.Value));
            }
        }

        return "model '" + modelRef + "' cost." + first.Field + " " + first.Text + " looks like a price per token: prices are USD per 1M tokens, so it means " +
            PriceText.Usd(first.Value) + " for a million tokens; if the source listed per-token prices, multiply by 1,000,000: " + string.Join(", ", meant);
    }

    /// <summary>The value × 1,000,000, without trailing zeros (<c>0.00000375</c> → <c>3.75</c>).</summary>
    private static string PerMillion(decimal perToken) =>
        (perToken * TokensPerMillion).ToString("0.############################", CultureInfo.InvariantCulture);
}

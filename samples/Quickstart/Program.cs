using System;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.AI;
using ModelCatalog;
using ModelCatalog.Listing;
using Quickstart;

// 1. The catalog, compiled from models.yaml at build time: typed ids, prices, providers.
Console.WriteLine("ModelCatalog quickstart: models.yaml compiled into typed ids (openclaw models list)");
Console.WriteLine();
var environment = new Func<string, string?>(Environment.GetEnvironmentVariable);
Console.Write(ModelsTable.Format(ModelsTable.ConfiguredRows(GeneratedModelCatalog.Instance, ModelsTable.ConfiguredRefs(GeneratedModelCatalog.Instance),
    provider => ModelsTable.HasKey(provider, environment, FileOAuthTokenStore.Default))));
Console.WriteLine();
Console.WriteLine($"ModelIds.Primary              = {ModelIds.Primary}");
Console.WriteLine($"ModelIds.Aliases.Opus         = {ModelIds.Aliases.Opus}");
Console.WriteLine($"ModelCosts.Minimax.MiniMaxM2_1 = {ModelCosts.Minimax.MiniMaxM2_1}");
Console.WriteLine();

// 2. One prompt to the primary model, with the catalog's fallbacks. Without the primary's key, a local stand-in
//    provider on 127.0.0.1 answers instead, so the sample always runs.
var catalog = GeneratedModelCatalog.Instance;
LocalStandInProvider? standIn = null;
if (!ModelsTable.HasKey(ModelProviders.Minimax, environment, FileOAuthTokenStore.Default))
{
    standIn = LocalStandInProvider.Start();
    catalog = StandInCatalog.RedirectTo(catalog, standIn);
    Console.WriteLine($"MINIMAX_API_KEY (or its env: alias) is not set: using a local stand-in provider at {standIn.Origin} (set the key to call MiniMax).");
}

using (standIn)
using (var client = new CatalogChatClient(catalog))
{
    var response = await client.GetResponseAsync("In one sentence: why catch wrong model ids at compile time?");
    var usage = response.Usage;
    Console.WriteLine($"reply : {response.Text}");
    Console.WriteLine($"model : {response.ModelId}");
    Console.WriteLine($"tokens: {usage?.InputTokenCount} in ({usage?.CachedInputTokenCount ?? 0} cached), {usage?.OutputTokenCount} out");
    Console.WriteLine($"cost  : {(response.GetCost() is { } cost ? "$" + cost.ToString("0.000000", CultureInfo.InvariantCulture) : "unknown")}");
}

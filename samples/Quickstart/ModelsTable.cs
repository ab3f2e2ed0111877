using System;
using System.Collections.Generic;
using System.Linq;
using ModelCatalog;

namespace Quickstart;

/// <summary>
/// Prints the configured models like <c>openclaw models list</c>: Model, Input, Ctx, Local, Auth, Tags. Auth is the
/// client's own key rule (<see cref="ProviderInfo.HasApiKey"/>): a placeholder key, or a key variable that is set, or
/// whose <c>env:</c> alias target is set.
/// </summary>
internal static class ModelsTable
{
    public static void Print(Catalog catalog)
    {
        Console.WriteLine($"{"Model",-42} {"Input",-10} {"Ctx",-8} {"Local",-5} {"Auth",-5} Tags");
        foreach (var modelRef in ConfiguredRefs(catalog))
        {
            var model = catalog.Resolve(modelRef);
            var provider = catalog.GetProvider(model.Provider);
            var input = model.Input.HasFlag(ModelInput.Image) ? "text+image" : "text";
            var context = Math.Round(model.ContextWindow / 1024.0) + "k";
            Console.WriteLine($"{model.Ref,-42} {input,-10} {context,-8} {YesNo(provider.IsLoopback),-5} {YesNo(provider.HasApiKey()),-5} {string.Join(",", Tags(catalog, model.Ref))}");
        }
    }

    /// <summary>OpenClaw's default rows: the primary, the fallbacks, then every key of agents.defaults.models.</summary>
    private static IEnumerable<string> ConfiguredRefs(Catalog catalog) =>
        new[] { catalog.Primary }.OfType<string>().Concat(catalog.Fallbacks).Concat(catalog.Allowlist).Distinct();

    private static IEnumerable<string> Tags(Catalog catalog, string modelRef)
    {
        if (modelRef == catalog.Primary)
        {
            yield return "default";
        }

        for (int i = 0; i < catalog.Fallbacks.Count; i++)
        {
            if (catalog.Fallbacks[i] == modelRef)
            {
                yield return "fallback#" + (i + 1);
            }
        }

        if (catalog.Allowlist.Contains(modelRef))
        {
            yield return "configured";
        }

        var aliases = catalog.Aliases.Where(a => a.Value == modelRef).Select(a => a.Key).ToArray();
        if (aliases.Length > 0)
        {
            yield return "alias:" + string.Join(",", aliases);
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}

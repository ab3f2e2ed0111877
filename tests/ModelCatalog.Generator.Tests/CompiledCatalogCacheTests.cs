using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// Compilations of different catalog texts racing through <see cref="CompiledCatalogCache"/> (IDE: several projects;
/// build: parallel project compilations in one compiler server) each get the catalog of their own text.
/// </summary>
public sealed class CompiledCatalogCacheTests
{
    [Fact]
    public async Task ConcurrentCompilationsOfDifferentTextsNeverGetEachOthersCatalog()
    {
        var texts = new[]
        {
            "models:\n  providers:\n    alpha: { baseUrl: \"https://a.example\", api: openai-completions, models: [{ id: a1 }] }\n",
            "models:\n  providers:\n    beta: { baseUrl: \"https://b.example\", api: openai-completions, models: [{ id: b1 }] }\n",
            "models:\n  providers:\n    gamma: { baseUrl: \"https://c.example\", api: openai-completions, models: [{ id: c1 }] }\n",
        };
        var expected = new[] { "alpha", "beta", "gamma" };
        int wrong = 0;
        using var start = new Barrier(4);
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < 300; i++)
            {
                int which = (worker + i) % texts.Length;
                // A fresh SourceText each time misses the per-instance table and goes through the shared last-compiled entry.
                var catalog = CompiledCatalogCache.Get(SourceText.From(texts[which]), "models.yaml", CancellationToken.None);
                if (!catalog.Spec.Providers.Any(p => p.Id == expected[which]) || catalog.Spec.Providers.Any(p => expected.Contains(p.Id) && p.Id != expected[which]))
                {
                    Interlocked.Increment(ref wrong);
                }

                var fromString = CompiledCatalogCache.Get(new string(texts[which].ToCharArray()), "models.yaml", CancellationToken.None);
                if (!fromString.Spec.Providers.Any(p => p.Id == expected[which]))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(0, wrong);
    }
}

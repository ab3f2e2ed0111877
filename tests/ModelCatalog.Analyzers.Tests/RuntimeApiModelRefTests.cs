using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>README.md, "Model refs in C#": the runtime's own ref-taking APIs carry [ModelRef], so a wrong ref passed to them is a build diagnostic.</summary>
public sealed class RuntimeApiModelRefTests
{
    [Fact]
    public Task CatalogResolveTryResolveExplainBuilderAndLedgerAreModelRefPositions() => new ModelRefAnalyzerTest("""
        using ModelCatalog;

        class Program
        {
            void M(CostLedger ledger)
            {
                var catalog = Demo.GeneratedModelCatalog.Instance;
                catalog.Resolve({|#0:"opus"|});
                catalog.TryResolve({|MC1003:"acme/acme-smal"|}, out _);
                catalog.Explain({|MC1001:"acme/ACME-SMALL"|});
                catalog.Resolve("fast");
                Catalog.CreateBuilder().SetPrimary({|MC1002:"nope/x"|}).AddFallback({|MC1003:"acme/none"|}).AddAlias("a", {|MC1004:"acme/acme-small"|});
                ledger.GetTotals({|MC1003:"acme/none"|});
            }
        }
        """, TestCatalogs.Acme)
    {
        ExpectedDiagnostics =
        {
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MC1003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("'opus' is not a provider/model-id ref or an alias; write provider/model-id or an alias defined in agents.defaults.models"),
        },
    }.RunAsync();
}

using System.CommandLine;
using System.Linq;
using System.Threading;
using ModelCatalog.Analyzers;
using ModelCatalog.Cli.Checking;
using ModelCatalog.Generator;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>check</c>: the catalog diagnostics the build reports (CatalogFileAnalyzer), with the same ids, positions and messages.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Catalog files to check (default: models.yaml, models.yml, models.json5 or models.json in the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "msbuild (file(line,col): error MC0007: …), json, or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "msbuild",
        };
        format.AcceptOnlyFromAmong("msbuild", "json", "sarif");
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors (exit 1 on a warning too)." };
        var command = new Command("check", "Report the MC00xx catalog diagnostics the build reports. Exit 1 when there is an error.")
        {
            files, format, warnAsError,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given : new string?[] { null };
            var checkedFiles = paths.Select(path =>
            {
                var file = CatalogFile.Load(context, path);
                return new CheckedFile(file.Path, CatalogFileDiagnostics.Create(file.Path, file.DisplayName, file.SourceText, CancellationToken.None).ToList());
            }).ToList();
            bool warningsAsErrors = parse.GetValue(warnAsError);
            context.Output.Write(parse.GetValue(format) switch
            {
                "json" => CheckReport.Json(checkedFiles, warningsAsErrors),
                "sarif" => CheckReport.Sarif(checkedFiles, warningsAsErrors),
                _ => CheckReport.MSBuild(checkedFiles, warningsAsErrors),
            });
            return CheckReport.Fails(checkedFiles, warningsAsErrors) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}

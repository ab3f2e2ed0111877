using System.CommandLine;

namespace ModelCatalog.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary><c>--file</c>: the catalog; default: models.yaml, models.yml, models.json5 or models.json in the current folder.</summary>
    public static Option<string?> File() => new("--file", "-f")
    {
        Description = "The catalog file (default: models.yaml, models.yml, models.json5 or models.json in the current folder).",
        HelpName = "FILE",
    };
}

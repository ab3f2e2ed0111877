namespace ModelCatalog.Cli;

/// <summary>The tool's exit codes (README "Command-line tool").</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> found an error (or a warning with <c>--warnaserror</c>); <c>status --check</c> found a provider without a key; an edit was refused.</summary>
    public const int Failed = 1;

    /// <summary>Usage error or bad input: unknown command or option, unreadable file, no catalog found.</summary>
    public const int BadInput = 2;
}

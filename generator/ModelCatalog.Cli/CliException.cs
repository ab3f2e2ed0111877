using System;

namespace ModelCatalog.Cli;

/// <summary>A problem the user can fix (bad input, refused edit): printed as one line on stderr, never as a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.BadInput)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}

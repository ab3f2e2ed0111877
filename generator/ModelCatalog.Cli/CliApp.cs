using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.Linq;
using ModelCatalog.Cli.Commands;

namespace ModelCatalog.Cli;

/// <summary>The <c>modelcatalog</c> command tree and its one entry point (Program and the tests call <see cref="Run"/>).</summary>
internal static class CliApp
{
    private static readonly char[] LineBreaks = { '\r', '\n', '\t' };

    public static Command CreateRoot(CliContext context)
    {
        // Named explicitly: as a .NET tool the process is ModelCatalog.Cli.dll, but users type `modelcatalog`.
        var root = new Command("modelcatalog",
            "The ModelCatalog catalog compiler's command line. Lists, checks and edits an OpenClaw-style models.yaml " +
            "(or models.yml / models.json5). Exit codes: 0 ok, 1 errors found or check failed, 2 usage error or bad input.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(EditCommands.CreateSet(context));
        root.Subcommands.Add(EditCommands.CreateFallbacks(context));
        root.Subcommands.Add(EditCommands.CreateAliases(context));
        root.Subcommands.Add(RemainsCommand.Create(context));
        root.Subcommands.Add(LoginCommands.CreateLogin(context));
        root.Subcommands.Add(LoginCommands.CreateLogout(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        return root;
    }

    /// <summary>Parses and runs one command line; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, CliContext context)
    {
        var result = CreateRoot(context).Parse(args);
        if (result.Errors.Count > 0)
        {
            // One clear line (the first problem) and a pointer to help, instead of the whole help text.
            // "Unrecognized command 'x'" says more than the "Required command was not provided" that comes with it.
            var error = result.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? result.Errors[0];
            var message = string.Join(" ", error.Message.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
            context.Error.WriteLine("modelcatalog: " + message + " (see modelcatalog --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            context.Error.WriteLine("modelcatalog: " + e.Message);
            return e.ExitCode;
        }
        catch (Exception e)
        {
            // Never a stack trace: the message names what failed.
            context.Error.WriteLine("modelcatalog: " + e.GetType().Name + ": " + e.Message);
            return ExitCodes.BadInput;
        }
    }
}

using ModelCatalog.Cli;

return CliApp.Run(args, CliContext.Console());

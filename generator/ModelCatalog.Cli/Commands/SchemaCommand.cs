using System.CommandLine;
using System.IO;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>schema</c>: the catalog's JSON Schema (draft-07), the bytes of schema/models.schema.json.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write the schema to this file instead of stdout.", HelpName = "FILE" };
        var command = new Command("schema", "Print the JSON Schema of models.yaml (draft-07; for yaml-language-server and VS Code).") { output };
        command.SetAction(parse =>
        {
            var schema = Text();
            if (parse.GetValue(output) is { } path)
            {
                try
                {
                    File.WriteAllText(Path.Combine(context.WorkingDirectory, path), schema);
                }
                catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
                {
                    throw new CliException("cannot write " + path + ": " + e.Message);
                }
            }
            else
            {
                context.Output.Write(schema);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The schema text, exactly as committed (embedded resource <c>ModelCatalog.models.schema.json</c>).</summary>
    public static string Text()
    {
        using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream("ModelCatalog.models.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

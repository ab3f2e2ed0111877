using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using ModelCatalog.Cli.Editing;
using ModelCatalog.CodeFixes;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Cli.Commands;

/// <summary>
/// <c>set</c>, <c>fallbacks</c> and <c>aliases</c>: edit the catalog in place like <c>openclaw models set|fallbacks|aliases</c>,
/// but a ref the build would reject is refused with the build's own message (and did-you-mean) and nothing is written.
/// </summary>
internal static class EditCommands
{
    private static readonly string[] ModelPath = { "agents", "defaults", "model" };
    private static readonly string[] PrimaryPath = { "agents", "defaults", "model", "primary" };
    private static readonly string[] FallbacksPath = { "agents", "defaults", "model", "fallbacks" };
    private static readonly string[] AllowlistPath = { "agents", "defaults", "models" };

    public static Command CreateSet(CliContext context)
    {
        var target = new Argument<string>("ref|alias") { Description = "The new primary: a provider/model ref or an alias." };
        var file = CommonOptions.File();
        var command = new Command("set", "Set the primary model (agents.defaults.model.primary) and add it to agents.defaults.models; keeps the fallbacks.") { target, file };
        command.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var modelRef = Canonical(catalogFile, parse.GetValue(target)!);
            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            if (editor.Find(ModelPath) is YamlScalar { IsNull: false })
            {
                editor.Put(ModelPath, Scalar(modelRef)); // the plain-string form "model: provider/id" stays a string
            }
            else
            {
                editor.Put(PrimaryPath, Scalar(modelRef));
            }

            EnsureAllowed(editor, modelRef);
            Save(context, catalogFile, editor.Text, "primary: " + modelRef);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateFallbacks(CliContext context)
    {
        var command = new Command("fallbacks", "List or edit agents.defaults.model.fallbacks.");
        var file = CommonOptions.File();

        var list = new Command("list", "Print the fallbacks, one per line, in order.") { file };
        list.SetAction(parse =>
        {
            foreach (var fallback in CatalogFile.Load(context, parse.GetValue(file)).Parsed.Fallbacks)
            {
                context.Output.Write(fallback.Value + "\n");
            }

            return ExitCodes.Ok;
        });

        var addRef = new Argument<string>("ref|alias") { Description = "The model to append to the fallbacks." };
        var add = new Command("add", "Append a model to the fallbacks (refused when the build would reject the ref).") { addRef, file };
        add.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var modelRef = Canonical(catalogFile, parse.GetValue(addRef)!);
            if (catalogFile.Parsed.Fallbacks.Any(f => f.Value == modelRef))
            {
                context.Output.Write(modelRef + " is already a fallback\n");
                return ExitCodes.Ok;
            }

            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            if (editor.Find(ModelPath) is YamlScalar { IsNull: false } primary)
            {
                // "model: x" (string form) becomes { primary: x, fallbacks: [...] }.
                var model = new YamlOutput.Map();
                model.Add("primary", Scalar(primary.Value));
                var fallbacks = new YamlOutput.Sequence();
                fallbacks.Items.Add(Scalar(modelRef));
                model.Add("fallbacks", fallbacks);
                editor.Put(ModelPath, model);
            }
            else
            {
                editor.Append(FallbacksPath, modelRef);
            }

            Save(context, catalogFile, editor.Text, "fallback added: " + modelRef);
            return ExitCodes.Ok;
        });

        var removeRef = new Argument<string>("ref|alias") { Description = "The fallback to remove." };
        var remove = new Command("remove", "Remove a model from the fallbacks.") { removeRef, file };
        remove.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var given = parse.GetValue(removeRef)!;
            int index = catalogFile.Parsed.Fallbacks.FindIndex(f => f.Value == given || (catalogFile.Catalog.TryResolve(f.Value, out var a) && catalogFile.Catalog.TryResolve(given, out var b) && a.Ref == b.Ref));
            if (index < 0)
            {
                throw new CliException("'" + given + "' is not a fallback; nothing was written", ExitCodes.Failed);
            }

            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            editor.Remove(FallbacksPath, index);
            Save(context, catalogFile, editor.Text, "fallback removed: " + given);
            return ExitCodes.Ok;
        });

        var clear = new Command("clear", "Remove every fallback (fallbacks: [])") { file };
        clear.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            if (editor.Find(FallbacksPath) is not null)
            {
                editor.Put(FallbacksPath, new YamlOutput.Sequence());
                Save(context, catalogFile, editor.Text, "fallbacks cleared");
            }

            return ExitCodes.Ok;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        command.Subcommands.Add(clear);
        return command;
    }

    public static Command CreateAliases(CliContext context)
    {
        var command = new Command("aliases", "List or edit the aliases (agents.defaults.models.<ref>.alias).");
        var file = CommonOptions.File();

        var list = new Command("list", "Print alias -> ref, one per line, in file order.") { file };
        list.SetAction(parse =>
        {
            foreach (var entry in CatalogFile.Load(context, parse.GetValue(file)).Parsed.Allowlist.Where(e => e.Alias.HasValue))
            {
                context.Output.Write(entry.Alias.Value + " -> " + entry.Ref.Value + "\n");
            }

            return ExitCodes.Ok;
        });

        var addAlias = new Argument<string>("alias") { Description = "The alias (no /)." };
        var addRef = new Argument<string>("ref") { Description = "The provider/model ref it names." };
        var add = new Command("add", "Add an alias for a model (creates its agents.defaults.models entry when missing).") { addAlias, addRef, file };
        add.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var alias = parse.GetValue(addAlias)!;
            var modelRef = parse.GetValue(addRef)!;
            if (alias.Length == 0 || alias.Contains('/'))
            {
                throw new CliException("an alias must be non-empty and have no '/': '" + alias + "'; nothing was written", ExitCodes.Failed);
            }

            if (catalogFile.Parsed.Allowlist.FirstOrDefault(e => e.Alias.HasValue && string.Equals(e.Alias.Value, alias, StringComparison.OrdinalIgnoreCase) && e.Ref.Value != modelRef) is { } taken)
            {
                throw new CliException("alias '" + alias + "' already names " + taken.Ref.Value + " (remove it first); nothing was written", ExitCodes.Failed);
            }

            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            if (editor.IndexOfKey(AllowlistPath, modelRef) < 0 || editor.Find(AllowlistPath.Append(modelRef).ToArray()) is not YamlMapping)
            {
                var entry = new YamlOutput.Map();
                entry.Add("alias", Scalar(alias));
                editor.Put(AllowlistPath.Append(modelRef).ToArray(), entry);
            }
            else
            {
                editor.Put(AllowlistPath.Append(modelRef).Append("alias").ToArray(), Scalar(alias));
            }

            Save(context, catalogFile, editor.Text, "alias added: " + alias + " -> " + modelRef);
            return ExitCodes.Ok;
        });

        var removeAlias = new Argument<string>("alias") { Description = "The alias to remove (its model stays in agents.defaults.models)." };
        var remove = new Command("remove", "Remove an alias.") { removeAlias, file };
        remove.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var alias = parse.GetValue(removeAlias)!;
            var entry = catalogFile.Parsed.Allowlist.FirstOrDefault(e => e.Alias.HasValue && string.Equals(e.Alias.Value, alias, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException("no alias '" + alias + "'; nothing was written", ExitCodes.Failed);
            var editor = new CatalogTextEditor(catalogFile.Text, catalogFile.DisplayName);
            var entryPath = AllowlistPath.Append(entry.Ref.Value).ToArray();
            editor.Remove(entryPath, editor.IndexOfKey(entryPath, "alias"));
            Save(context, catalogFile, editor.Text, "alias removed: " + alias);
            return ExitCodes.Ok;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        return command;
    }

    /// <summary>An alias (no <c>/</c>) is written as the ref it names, as OpenClaw stores it; anything else as given.</summary>
    private static string Canonical(CatalogFile file, string value) =>
        !value.Contains('/') && file.Catalog.Aliases.FirstOrDefault(a => string.Equals(a.Key, value, StringComparison.OrdinalIgnoreCase)) is { Key: not null } alias
            ? alias.Value
            : value;

    /// <summary>OpenClaw's <c>models set</c> adds the key to agents.defaults.models; an existing entry is left alone.</summary>
    private static void EnsureAllowed(CatalogTextEditor editor, string modelRef)
    {
        if (editor.IndexOfKey(AllowlistPath, modelRef) < 0)
        {
            editor.Put(AllowlistPath.Append(modelRef).ToArray(), new YamlOutput.Map());
        }
    }

    private static YamlOutput.Scalar Scalar(string value) => new(value, isString: true);

    /// <summary>
    /// Writes <paramref name="edited"/> only when the build would accept it: an error diagnostic the edit introduces
    /// (unknown model or provider, case mismatch, …, with the build's did-you-mean) refuses the edit.
    /// </summary>
    private static void Save(CliContext context, CatalogFile original, string edited, string done)
    {
        var before = original.Compiled.Diagnostics.Select(d => d.Id + d.Message).ToHashSet();
        var introduced = Generator.CatalogCompiler.Compile(edited, original.DisplayName, System.Threading.CancellationToken.None).Diagnostics
            .Where(d => ModelCatalog.Analyzers.Diagnostics.DiagnosticDescriptors.ForCatalogId(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .FirstOrDefault(d => !before.Contains(d.Id + d.Message));
        if (introduced is not null)
        {
            throw new CliException("refused: " + introduced.Id + ": " + introduced.Message + "; nothing was written", ExitCodes.Failed);
        }

        try
        {
            File.WriteAllText(original.FullPath(context), edited, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException("cannot write " + original.Path + ": " + e.Message);
        }

        context.Output.Write(original.Path + ": " + done + "\n");
    }
}

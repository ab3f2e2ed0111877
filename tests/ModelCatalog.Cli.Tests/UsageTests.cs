using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary>Help on every command, and usage errors as one line with exit code 2.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("list")]
    [InlineData("status")]
    [InlineData("check")]
    [InlineData("set")]
    [InlineData("fallbacks")]
    [InlineData("fallbacks add")]
    [InlineData("fallbacks remove")]
    [InlineData("fallbacks clear")]
    [InlineData("fallbacks list")]
    [InlineData("aliases")]
    [InlineData("aliases add")]
    [InlineData("aliases remove")]
    [InlineData("aliases list")]
    [InlineData("remains")]
    [InlineData("schema")]
    public void Every_command_has_help(string command)
    {
        var args = (command + " --help").Trim().Split(' ');

        var result = Cli.Run(Cli.TempFolder(), null, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("modelcatalog " + command, result.Output.Replace("  ", " "));
    }

    [Fact]
    public void Root_help_documents_the_exit_codes()
    {
        var result = Cli.Run(Cli.TempFolder(), null, "--help");

        Assert.Contains("Exit codes: 0 ok, 1 errors found or check failed, 2 usage error or bad input.", result.Output);
    }

    [Theory]
    [InlineData("modelcatalog: Unrecognized command or argument 'lst'. (see modelcatalog --help)\n", "lst")]
    [InlineData("modelcatalog: Unrecognized command or argument '--jsn'. (see modelcatalog --help)\n", "list", "--jsn")]
    [InlineData("modelcatalog: Required argument missing for command: 'set'. (see modelcatalog --help)\n", "set")]
    public void Usage_errors_are_one_line_and_exit_2(string error, params string[] args)
    {
        var result = Cli.Run(Cli.TempFolder(), null, args);

        Assert.Equal((2, "", error), (result.ExitCode, result.Output, result.Error));
    }
}

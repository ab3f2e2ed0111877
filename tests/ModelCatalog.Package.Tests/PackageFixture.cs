using System;
using System.IO;

namespace ModelCatalog.Package.Tests;

/// <summary>Packs the repository once into a local folder feed with a unique version, in a temp folder removed afterwards.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "modelcatalog-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var project = Path.Combine(DotNetCli.RepositoryRoot(), "runtime", "ModelCatalog", "ModelCatalog.csproj");
        DotNetCli.Succeed(Root, $"pack \"{project}\" -c Release -o \"{Feed}\" -p:Version={Version} --disable-build-servers", packagesFolder: null);
        PackagePath = Path.Combine(Feed, "ModelCatalog." + Version + ".nupkg");

        // The folder feed is added to the machine's configured sources (nothing else is named here).
        File.WriteAllText(Path.Combine(Root, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"modelcatalog-local\" value=\"" + Feed + "\" />\n  </packageSources>\n</configuration>\n");
    }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>Creates a fresh console project that references ModelCatalog by package id.</summary>
    public string NewConsoleApp(string name)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        DotNetCli.Succeed(directory, $"new console -n {name} -o . --framework net10.0", Packages);
        DotNetCli.Succeed(directory, $"add package ModelCatalog --version {Version}", Packages);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a build server may still hold a file for a moment
        }
    }
}

using System.IO;

namespace ModelCatalog.Generator;

/// <summary>The package's built-in catalog (the repository's root models.yaml), embedded in this assembly.</summary>
internal static class BuiltInCatalog
{
    public const string ResourceName = "ModelCatalog.BuiltIn.models.yaml";

    private static string? s_text;

    public static string Text => s_text ??= Load();

    private static string Load()
    {
        using var stream = typeof(BuiltInCatalog).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

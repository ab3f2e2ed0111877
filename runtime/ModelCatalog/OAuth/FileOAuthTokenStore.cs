using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog;

/// <summary>
/// The default <see cref="IOAuthTokenStore"/>: one JSON file per provider, <c>&lt;directory&gt;/&lt;provider id&gt;.json</c>,
/// by default in <c>~/.modelcatalog/oauth</c> (<see cref="DefaultDirectory"/>). Only the owner may read it: on Unix with
/// .NET 8 or later the folder is created <c>0700</c> and each file <c>0600</c>; on Windows the user profile's
/// permissions apply. Files are replaced atomically (written to a temporary file beside them, then moved), so a
/// reader never sees half a token.
/// </summary>
public sealed class FileOAuthTokenStore : IOAuthTokenStore
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Creates a store over <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public FileOAuthTokenStore(string? directory = null)
    {
        Directory = string.IsNullOrEmpty(directory) ? DefaultDirectory : Path.GetFullPath(directory);
    }

    /// <summary><c>~/.modelcatalog/oauth</c> (the user profile folder of <see cref="Environment.SpecialFolder.UserProfile"/>).</summary>
    public static string DefaultDirectory { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".modelcatalog", "oauth");

    /// <summary>A store over <see cref="DefaultDirectory"/>: the default of <see cref="CatalogChatClientOptions.OAuthTokenStore"/>.</summary>
    public static FileOAuthTokenStore Default { get; } = new();

    /// <summary>The folder holding the token files.</summary>
    public string Directory { get; }

    /// <summary>The file of <paramref name="providerId"/>: <c>&lt;Directory&gt;/&lt;provider id, lower case&gt;.json</c>.</summary>
    /// <exception cref="ArgumentException">The id is empty or holds characters a file name cannot.</exception>
    public string GetPath(string providerId)
    {
        if (string.IsNullOrEmpty(providerId) || providerId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || providerId.StartsWith(".", StringComparison.Ordinal))
        {
            throw new ArgumentException("'" + providerId + "' is not a provider id a token file can be named after.", nameof(providerId));
        }

        return Path.Combine(Directory, providerId.ToLowerInvariant() + ".json");
    }

    /// <summary>Whether a token file exists for <paramref name="providerId"/> (without reading it).</summary>
    public bool Contains(string providerId) => File.Exists(GetPath(providerId));

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">The file is not a token file this store wrote; the message names the file, never its content.</exception>
    public Task<OAuthToken?> GetAsync(string providerId, CancellationToken cancellationToken = default)
    {
        var path = GetPath(providerId);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<OAuthToken?>(null);
        }

        return Task.FromResult<OAuthToken?>(Parse(bytes, path));
    }

    /// <inheritdoc/>
    public Task SetAsync(string providerId, OAuthToken token, CancellationToken cancellationToken = default)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var path = GetPath(providerId);
        CreatePrivateDirectory(Directory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = CreatePrivateFile(temporary))
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                Write(writer, token);
            }

            Replace(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> RemoveAsync(string providerId, CancellationToken cancellationToken = default)
    {
        var path = GetPath(providerId);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>The folder and token files, never a token.</summary>
    public override string ToString() => "FileOAuthTokenStore (" + Directory + ")";

    private static void Write(Utf8JsonWriter writer, OAuthToken token)
    {
        writer.WriteStartObject();
        writer.WriteString("access_token", token.AccessToken);
        WriteOptional(writer, "refresh_token", token.RefreshToken);
        WriteOptional(writer, "expires_at", token.ExpiresAt?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
        WriteOptional(writer, "resource_url", token.ResourceUrl);
        WriteOptional(writer, "authorization_server", token.AuthorizationServer?.ToString());
        WriteOptional(writer, "client_id", token.ClientId);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static OAuthToken Parse(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && Text(root, "access_token") is { Length: > 0 } access)
            {
                DateTimeOffset? expiresAt = Text(root, "expires_at") is { } expires &&
                    DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
                Uri? server = Text(root, "authorization_server") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
                return new OAuthToken(access, Text(root, "refresh_token"), expiresAt, Text(root, "resource_url"), server, Text(root, "client_id"));
            }
        }
        catch (JsonException)
        {
            // Reported below without the parser's message, which can quote the file's content.
        }

        throw new InvalidDataException("The stored sign-in " + path + " is not a token file of ModelCatalog; sign in again (modelcatalog login) or delete it.");
    }

    private static string? Text(JsonElement root, string name) => JsonHelpers.GetNonBlankString(root, name);

    private static void CreatePrivateDirectory(string directory)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // An existing folder keeps its mode otherwise: tokens are owner-only whoever created it.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        System.IO.Directory.CreateDirectory(directory);
    }

    private static FileStream CreatePrivateFile(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600: the token is never readable by others, not even between creation and a chmod.
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#endif
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
    }

    private static void Replace(string source, string destination)
    {
#if NET
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }
}

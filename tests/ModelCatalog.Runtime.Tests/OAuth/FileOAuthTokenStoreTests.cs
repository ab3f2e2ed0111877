namespace ModelCatalog.Runtime.Tests.OAuth;

/// <summary>The default token store: one owner-only JSON file per provider, replaced atomically, removed by logout.</summary>
public sealed class FileOAuthTokenStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "modelcatalog-store-" + Guid.NewGuid().ToString("N"), "oauth");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static OAuthToken Token(string access = "at-store-5566778899") =>
        new(access, "rt-store-0011223344", new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), "https://api.minimax.io/anthropic",
            new Uri("https://api.minimax.io"), MiniMaxOAuth.DefaultClientId);

    [Fact]
    public async Task A_token_round_trips_through_its_file_and_is_replaced_atomically()
    {
        var store = new FileOAuthTokenStore(_folder);
        Assert.Null(await store.GetAsync("minimax-portal"));

        await store.SetAsync("minimax-portal", Token());
        await store.SetAsync("Minimax-Portal", Token("at-store-second-000"));

        Assert.Equal(Path.Combine(_folder, "minimax-portal.json"), store.GetPath("MINIMAX-PORTAL"));
        Assert.Equal(new[] { "minimax-portal.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName)); // no temporary file left
        var back = (await store.GetAsync("minimax-portal"))!;
        Assert.Equal("at-store-second-000", back.AccessToken);
        Assert.Equal("rt-store-0011223344", back.RefreshToken);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), back.ExpiresAt);
        Assert.Equal("https://api.minimax.io/anthropic", back.ResourceUrl);
        Assert.Equal(new Uri("https://api.minimax.io"), back.AuthorizationServer);
        Assert.Equal(MiniMaxOAuth.DefaultClientId, back.ClientId);
        Assert.True(store.Contains("minimax-portal"));
        Assert.False(store.Contains("minimax-portal-cn"));
    }

    [Fact]
    public async Task Files_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the user profile's ACL applies there
        }

        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101); // 0755: the store tightens an existing folder
        var store = new FileOAuthTokenStore(_folder);

        await store.SetAsync("minimax-portal", Token());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.GetPath("minimax-portal")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
    }

    [Fact]
    public async Task Remove_deletes_the_file_once()
    {
        var store = new FileOAuthTokenStore(_folder);
        await store.SetAsync("minimax-portal", Token());

        Assert.True(await store.RemoveAsync("minimax-portal"));
        Assert.False(await store.RemoveAsync("minimax-portal"));
        Assert.False(File.Exists(store.GetPath("minimax-portal")));
    }

    [Fact]
    public async Task A_damaged_file_is_a_clear_error_that_does_not_quote_it()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "minimax-portal.json"), "{\"access_token\": at-leaked-123456");
        var store = new FileOAuthTokenStore(_folder);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("minimax-portal"));

        Assert.Contains("minimax-portal.json", error.Message);
        Assert.DoesNotContain("at-leaked", error.ToString());
    }

    [Fact]
    public void Provider_ids_that_are_no_file_names_are_refused()
    {
        var store = new FileOAuthTokenStore(_folder);
        Assert.Throws<ArgumentException>(() => store.GetPath("../evil"));
        Assert.Throws<ArgumentException>(() => store.GetPath(""));
    }

    [Fact]
    public void No_token_appears_in_ToString()
    {
        var token = Token();
        Assert.Equal("OAuthToken (expires 2026-01-01 01:00:00 UTC, refresh token: yes, resource https://api.minimax.io/anthropic)", token.ToString());
        Assert.DoesNotContain("at-store", new FileOAuthTokenStore(_folder).ToString());
    }
}

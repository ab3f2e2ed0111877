using System;

namespace ModelCatalog;

/// <summary>
/// Which header names carry a credential: <c>Authorization</c>, or any name containing <c>key</c>, <c>token</c> or
/// <c>secret</c> (ignoring case). A literal value of such a header is never compiled in (MC0006). The runtime masks every
/// header value in messages regardless. Shared by the runtime and the generator (linked source).
/// </summary>
internal static class CredentialHeaders
{
    public static bool IsCredential(string name) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;
}

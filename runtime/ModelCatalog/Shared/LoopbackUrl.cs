using System;

namespace ModelCatalog;

/// <summary>
/// Decides whether a base URL points at this machine (host <c>localhost</c>, <c>127.0.0.0/8</c> or <c>[::1]</c>).
/// Shared by the runtime and the generator (linked source), so both judge secrets the same way.
/// </summary>
internal static class LoopbackUrl
{
    public static bool IsLoopback(string? url)
    {
        if (url is null)
        {
            return false;
        }

        int start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        int at = url.IndexOf('@', start);
        int slash = url.IndexOf('/', start);
        if (at >= 0 && (slash < 0 || at < slash))
        {
            start = at + 1; // user-info is not the host
        }

        if (start < url.Length && url[start] == '[')
        {
            int close = url.IndexOf(']', start);
            return close > start && string.Equals(url.Substring(start + 1, close - start - 1), "::1", StringComparison.Ordinal);
        }

        int end = start;
        while (end < url.Length && url[end] != '/' && url[end] != ':' && url[end] != '?' && url[end] != '#')
        {
            end++;
        }

        string host = url.Substring(start, end - start);
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || IsIPv4Loopback(host);
    }

    private static bool IsIPv4Loopback(string host)
    {
        var parts = host.Split('.');
        if (parts.Length != 4 || parts[0] != "127")
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3)
            {
                return false;
            }

            int value = 0;
            foreach (char c in part)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = value * 10 + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return true;
    }
}

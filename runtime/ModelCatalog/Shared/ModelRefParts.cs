namespace ModelCatalog;

/// <summary>Splits a model ref at its first <c>/</c> (a model id may itself contain <c>/</c>). Linked into the generator.</summary>
internal static class ModelRefParts
{
    /// <summary>True when <paramref name="value"/> is <c>provider/model-id</c> with both parts non-empty.</summary>
    public static bool TrySplit(string value, out string provider, out string modelId)
    {
        int slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            provider = string.Empty;
            modelId = string.Empty;
            return false;
        }

        provider = value.Substring(0, slash);
        modelId = value.Substring(slash + 1);
        return true;
    }
}

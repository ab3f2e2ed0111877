using System;

namespace ModelCatalog;

/// <summary>The input kinds a model accepts (the <c>input</c> list of models.yaml).</summary>
[Flags]
public enum ModelInput
{
    /// <summary>No input kind (never produced from a catalog: the default is <see cref="Text"/>).</summary>
    None = 0,

    /// <summary>Text input.</summary>
    Text = 1,

    /// <summary>Image input.</summary>
    Image = 2,
}

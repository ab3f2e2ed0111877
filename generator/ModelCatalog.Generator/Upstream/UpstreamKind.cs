namespace ModelCatalog.Generator.Upstream;

/// <summary>Which catalog assembly, if any, a compilation references (an equatable pipeline value, so a C# edit stops there).</summary>
internal enum UpstreamKind
{
    /// <summary>No reachable catalog assembly: the project generates its catalog (its own file, else the built-in catalog).</summary>
    None,

    /// <summary>A referenced project or package carries a catalog: used when the project has no catalog file of its own.</summary>
    Upstream,

    /// <summary>The project's own catalog assembly (compile mode <c>assembly</c>): the types are there, nothing is generated or parsed.</summary>
    CompiledForThisProject,
}

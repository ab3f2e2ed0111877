using System;
using System.Collections.Generic;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The configuration paths whose values are model refs (README.md, "Model refs in configuration files"), as a tree of
/// keys: Microsoft.Extensions.Configuration paths are case-insensitive and use <c>:</c> between keys, and an array
/// element is the key <c>0</c>, <c>1</c>, …; a <c>*</c> key stands for any one key (the elements of a bound list or
/// the entries of a bound dictionary). Built once per compilation, read-only while the files are checked.
/// </summary>
internal sealed class ConfigurationPathSet
{
    /// <summary>The key that matches any one key.</summary>
    public const string AnyKey = "*";

    /// <summary>Paths nest at most this deep (an options type that contains itself stops here).</summary>
    public const int MaxDepth = 32;

    public ConfigurationPathSet() => Root = new Node();

    /// <summary>The node of the empty path (the configuration root).</summary>
    public Node Root { get; }

    /// <summary>True until a path is added.</summary>
    public bool IsEmpty => !Root.HasChildren;

    /// <summary>Splits a configuration path at <c>:</c> (keys as written; an empty key stays a key).</summary>
    public static string[] Split(string path) => path.Split(':');

    /// <summary>Marks <paramref name="keys"/> (a path split at <c>:</c>) as a model-ref path.</summary>
    public void Add(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0 || keys.Count > MaxDepth)
        {
            return;
        }

        var node = Root;
        foreach (var key in keys)
        {
            node = node.GetOrAdd(key);
        }

        node.IsRef = true;
    }

    /// <summary>One key of the tree: its children by key (ignoring case) and the <c>*</c> child.</summary>
    public sealed class Node
    {
        private Dictionary<string, Node>? _children;
        private Node? _any;

        /// <summary>A value at this path is a model ref.</summary>
        public bool IsRef { get; set; }

        public bool HasChildren => _children is not null || _any is not null;

        /// <summary>Adds to <paramref name="matches"/> the nodes a key <paramref name="key"/> below this one reaches.</summary>
        public void Step(string key, List<Node> matches)
        {
            if (_children is not null && _children.TryGetValue(key, out var child))
            {
                matches.Add(child);
            }

            if (_any is not null)
            {
                matches.Add(_any);
            }
        }

        internal Node GetOrAdd(string key)
        {
            if (key == AnyKey)
            {
                return _any ??= new Node();
            }

            _children ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
            if (!_children.TryGetValue(key, out var child))
            {
                child = new Node();
                _children.Add(key, child);
            }

            return child;
        }
    }
}

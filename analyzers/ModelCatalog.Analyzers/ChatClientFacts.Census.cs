using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelCatalog.Analyzers;

/// <summary>The compilation-wide census of client constructions (syntax only, once per compilation on first need).</summary>
internal sealed partial class ChatClientFacts
{
    /// <summary>
    /// The whole compilation's client constructions, taken once on first need: names of the client classes it can see
    /// (its own and those of referenced libraries built on Microsoft.Extensions.AI), then a syntax walk of the trees
    /// whose text names one of them, <c>CatalogChatClient</c> or <c>AsIChatClient</c>. Syntax only: nothing is bound.
    /// </summary>
    private ClientCensus TakeCensus()
    {
        var otherNames = OtherClientTypeNames();
        bool catalog = false, other = false;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            bool named = text.IndexOf(CatalogClientName, StringComparison.Ordinal) >= 0 || text.IndexOf(AdapterMethodName, StringComparison.Ordinal) >= 0;
            foreach (var name in otherNames)
            {
                named = named || text.IndexOf(name, StringComparison.Ordinal) >= 0;
            }

            if (!named)
            {
                continue;
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var name = node switch
                {
                    ObjectCreationExpressionSyntax creation => RightmostName(creation.Type),
                    ImplicitObjectCreationExpressionSyntax implicitCreation => RightmostName(DeclaredType(implicitCreation)),
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: AdapterMethodName } } => AdapterMethodName,
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: AdapterMethodName } } => AdapterMethodName,
                    _ => null,
                };

                if (name is null)
                {
                    continue;
                }

                catalog |= name == CatalogClientName;
                other |= name == AdapterMethodName || (otherNames.Contains(name) && !InsideAdapter(node));
                if (catalog && other)
                {
                    return new ClientCensus(catalog, other);
                }
            }
        }

        return new ClientCensus(catalog, other);
    }

    /// <summary>An adapter's own body (<c>AsIChatClient(…) => new SomeChatClient(…)</c>): counted where the adapter is called.</summary>
    private static bool InsideAdapter(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is MethodDeclarationSyntax method)
            {
                return method.Identifier.ValueText.StartsWith(AdapterMethodName, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// Simple names of the concrete client classes other than ours and other than middleware: declared in source, or
    /// public in a library that references Microsoft.Extensions.AI.Abstractions.
    /// </summary>
    private HashSet<string> OtherClientTypeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in _compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type))
        {
            AddIfOtherClient(symbol as INamedTypeSymbol, names);
        }

        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (ReferencesAbstractions(assembly))
            {
                AddPublicClients(assembly.GlobalNamespace, names);
            }
        }

        return names;
    }

    private void AddPublicClients(INamespaceSymbol ns, HashSet<string> names)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            if (type.DeclaredAccessibility == Accessibility.Public)
            {
                AddIfOtherClient(type, names);
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            AddPublicClients(child, names);
        }
    }

    private void AddIfOtherClient(INamedTypeSymbol? type, HashSet<string> names)
    {
        if (type is { TypeKind: TypeKind.Class, IsAbstract: false } && !IsCatalogClient(type) && IsClientType(type) && !IsMiddleware(type))
        {
            names.Add(type.Name);
        }
    }

    private static bool ReferencesAbstractions(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == "Microsoft.Extensions.AI.Abstractions")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static TypeSyntax? DeclaredType(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    private static string? RightmostName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private readonly record struct ClientCensus(bool Catalog, bool Other);
}

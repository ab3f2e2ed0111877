using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Following variables in scope: what a client variable holds and which clients an options variable is passed to, from
/// one indexed walk per method (locals, parameters) or per type declaration in the value's document (fields, properties).
/// </summary>
internal sealed partial class ChatClientFacts
{
    /// <summary>
    /// The origin a target comes down to, following a variable through its writes in scope (see
    /// <see cref="IndexOf"/>); a parameter is injected, so unknown.
    /// </summary>
    public ClientOrigin Resolve(ClientTarget target, IOperation site) =>
        Resolve(target, site, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    /// <summary>The clients the <c>ChatOptions</c> held by <paramref name="optionsHolder"/> are passed to, in scope.</summary>
    public List<ClientTarget> TargetsOfOptions(ISymbol optionsHolder, IOperation site)
    {
        var targets = new List<ClientTarget>();
        if (IndexOf(optionsHolder, site) is { } index && index.ChatReceivers.TryGetValue(optionsHolder, out var receivers))
        {
            foreach (var receiver in receivers)
            {
                targets.Add(TargetOf(receiver));
            }
        }

        return targets;
    }

    private ClientOrigin Resolve(ClientTarget target, IOperation site, HashSet<ISymbol> visited)
    {
        if (target.Holder is not { } holder)
        {
            return target.Origin;
        }

        if (holder is IParameterSymbol || !visited.Add(holder) ||
            IndexOf(holder, site) is not { } index || !index.Writes.TryGetValue(holder, out var values))
        {
            return ClientOrigin.Unknown; // injected, a cycle, or never written in scope
        }

        ClientOrigin? combined = null;
        foreach (var value in values)
        {
            var origin = Resolve(TargetOf(value), site, visited);
            combined = combined is null || combined == origin ? origin : ClientOrigin.Unknown;
        }

        return combined ?? ClientOrigin.Unknown;
    }

    /// <summary>
    /// The index of the scope a variable is written and read in, built once per scope (so many values in one method cost
    /// one walk): for a local or parameter, the already-bound operation block of the site; for a field or property, the
    /// members of its type declared in the site's document (bound through the document's semantic model). Partial
    /// declarations in other documents are not searched: their writes stay unknown.
    /// </summary>
    private ScopeIndex? IndexOf(ISymbol holder, IOperation site)
    {
        if (holder is ILocalSymbol or IParameterSymbol)
        {
            var root = site;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return _scopes.GetOrAdd(root.Syntax, _ => BuildIndex(root.DescendantsAndSelf()));
        }

        if (site.SemanticModel is not { } model || holder.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == site.Syntax.SyntaxTree && reference.GetSyntax() is TypeDeclarationSyntax declaration)
            {
                return _scopes.GetOrAdd(declaration, _ => BuildIndex(TypeOperations(declaration, model)));
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> TypeOperations(TypeDeclarationSyntax declaration, SemanticModel model)
    {
        foreach (var member in declaration.Members)
        {
            foreach (var part in BoundParts(member))
            {
                if (model.GetOperation(part) is { } operation)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        yield return descendant;
                    }
                }
            }
        }
    }

    /// <summary>One walk over a scope: the values written to each variable, and the clients each options variable is passed to.</summary>
    private ScopeIndex BuildIndex(IEnumerable<IOperation> operations)
    {
        var index = new ScopeIndex();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        ScopeIndex.Add(index.Writes, declarator.Symbol, initializer.Value);
                    }

                    break;
                case IAssignmentOperation { Kind: OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment } assignment
                    when HolderOf(assignment.Target) is { } target:
                    ScopeIndex.Add(index.Writes, target, assignment.Value);
                    break;
                case IFieldInitializerOperation field:
                    foreach (var initialized in field.InitializedFields)
                    {
                        ScopeIndex.Add(index.Writes, initialized.OriginalDefinition, field.Value);
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var initialized in property.InitializedProperties)
                    {
                        ScopeIndex.Add(index.Writes, initialized.OriginalDefinition, property.Value);
                    }

                    break;
                case IInvocationOperation invocation when TryGetChatCall(invocation, out var receiver, out var options) && HolderOf(options) is { } optionsHolder:
                    ScopeIndex.Add(index.ChatReceivers, optionsHolder, receiver);
                    break;
            }
        }

        return index;
    }

    /// <summary>The parts of a member that have operations: bodies, expression bodies and initializers.</summary>
    private static IEnumerable<SyntaxNode> BoundParts(MemberDeclarationSyntax member)
    {
        switch (member)
        {
            case BaseMethodDeclarationSyntax method:
                if (((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } methodBody)
                {
                    yield return methodBody;
                }

                if (member is ConstructorDeclarationSyntax { Initializer: { } constructorInitializer })
                {
                    yield return constructorInitializer;
                }

                break;
            case PropertyDeclarationSyntax property:
                if (property.Initializer is { } propertyInitializer)
                {
                    yield return propertyInitializer;
                }

                if (property.ExpressionBody is { } expressionBody)
                {
                    yield return expressionBody;
                }

                if (property.AccessorList is { } accessors)
                {
                    foreach (var accessor in accessors.Accessors)
                    {
                        if (((SyntaxNode?)accessor.Body ?? accessor.ExpressionBody) is { } accessorBody)
                        {
                            yield return accessorBody;
                        }
                    }
                }

                break;
            case FieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer is { } fieldInitializer)
                    {
                        yield return fieldInitializer;
                    }
                }

                break;
        }
    }

    /// <summary>What one scope writes to its variables and passes to chat calls (keys: locals, parameters, fields, properties).</summary>
    private sealed class ScopeIndex
    {
        public Dictionary<ISymbol, List<IOperation>> Writes { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, List<IOperation>> ChatReceivers { get; } = new(SymbolEqualityComparer.Default);

        public static void Add(Dictionary<ISymbol, List<IOperation>> map, ISymbol key, IOperation value)
        {
            if (!map.TryGetValue(key, out var values))
            {
                map.Add(key, values = new List<IOperation>(1));
            }

            values.Add(value);
        }
    }
}

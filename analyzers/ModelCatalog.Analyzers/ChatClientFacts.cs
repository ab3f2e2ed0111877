using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// What a compilation shows about its <c>IChatClient</c>s, for the evidence rule of SPEC §4, asked only for the few
/// <c>ChatOptions.ModelId</c> values that would get a diagnostic (so ordinary code pays nothing), and answered where
/// the value is, so every diagnostic stays local to its document and keeps its code fix:
/// <list type="bullet">
/// <item>where the options go: chat calls (<c>GetResponseAsync</c>, <c>GetStreamingResponseAsync</c>) on the options
/// variable, found in the already-bound operations of the same method, or for a field or property in its type;</item>
/// <item>which client a receiver is: its construction when in sight, else the writes to its local (same method) or
/// field/property (same type declaration);</item>
/// <item>the census of the whole compilation (does it construct a <c>CatalogChatClient</c>, another client, or both),
/// taken once per compilation on first need by a syntax walk of the trees whose text names a client type.</item>
/// </list>
/// Thread-safe: read-only after construction except for the lazily built census.
/// </summary>
internal sealed class ChatClientFacts
{
    private const int MaxDepth = 8;
    private const string CatalogClientName = "CatalogChatClient";
    private const string AdapterMethodName = "AsIChatClient";

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _chatClient;
    private readonly INamedTypeSymbol _chatOptions;
    private readonly INamedTypeSymbol? _catalogClient;
    private readonly INamedTypeSymbol? _builder;
    private readonly INamedTypeSymbol? _delegating;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isClientType = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ClientCensus> _census;
    private readonly ConcurrentDictionary<SyntaxNode, ScopeIndex> _scopes = new();

    private ChatClientFacts(INamedTypeSymbol chatClient, INamedTypeSymbol chatOptions, Compilation compilation)
    {
        _compilation = compilation;
        _chatClient = chatClient;
        _chatOptions = chatOptions;
        _catalogClient = compilation.GetTypeByMetadataName("ModelCatalog.CatalogChatClient");
        _builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientBuilder");
        _delegating = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DelegatingChatClient");
        _census = new Lazy<ClientCensus>(TakeCensus, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The facts of <paramref name="compilation"/>; <c>null</c> when it does not reference Microsoft.Extensions.AI.</summary>
    public static ChatClientFacts? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient") is { } chatClient &&
        compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions") is { } chatOptions
            ? new ChatClientFacts(chatClient, chatOptions, compilation)
            : null;

    /// <summary>The compilation constructs at least one <c>CatalogChatClient</c> (registrations included: they construct it in a lambda).</summary>
    public bool ConstructsCatalogClient => _census.Value.Catalog;

    /// <summary>The compilation constructs some other <c>IChatClient</c> (a class implementing it, or an SDK adapter's <c>AsIChatClient()</c>).</summary>
    public bool ConstructsOtherClient => _census.Value.Other;

    /// <summary>
    /// True for a call to <c>GetResponseAsync</c>/<c>GetStreamingResponseAsync</c> (on <c>IChatClient</c>, an
    /// implementation, or the extension methods) with a <c>ChatOptions</c> argument the caller wrote.
    /// </summary>
    public bool TryGetChatCall(IInvocationOperation invocation, out IOperation receiver, out IOperation options)
    {
        receiver = null!;
        options = null!;
        var method = invocation.TargetMethod;
        if (method.Name is not ("GetResponseAsync" or "GetStreamingResponseAsync"))
        {
            return false;
        }

        IOperation? client = invocation.Instance;
        IOperation? chatOptions = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (client is null && method.IsExtensionMethod && parameter.Ordinal == 0)
            {
                client = argument.Value;
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue && SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, _chatOptions))
            {
                chatOptions = argument.Value;
            }
        }

        if (client is null || chatOptions is null || !IsClientType(client.Type))
        {
            return false;
        }

        receiver = client;
        options = chatOptions;
        return true;
    }

    /// <summary>
    /// The client <paramref name="value"/> is: a <c>CatalogChatClient</c> or another client when its construction is
    /// in sight (through middleware and <c>ChatClientBuilder</c>), the variable holding it, or unknown.
    /// </summary>
    public ClientTarget TargetOf(IOperation? value, int depth = 0)
    {
        value = SkipConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return ClientTarget.Of(ClientOrigin.Unknown);
        }

        if (IsCatalogClient(value.Type))
        {
            return ClientTarget.Of(ClientOrigin.Catalog);
        }

        switch (value)
        {
            case ICoalesceOperation coalesce:
                return TargetOf(coalesce.Value, depth + 1); // client ?? throw …
            case IObjectCreationOperation or IInvocationOperation:
                if (Wrapped(value) is { } inner)
                {
                    return TargetOf(inner, depth + 1);
                }

                return ClientTarget.Of(IsClientType(value.Type) ? ConstructionOrigin(value) ?? ClientOrigin.Unknown : ClientOrigin.Unknown);
        }

        if (HolderOf(value) is { } holder)
        {
            return ClientTarget.InHolder(holder);
        }

        // A concrete client class other than ours and other than middleware (an SDK's own IChatClient type).
        return ClientTarget.Of(value.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type && IsClientType(type) && !IsMiddleware(type)
            ? ClientOrigin.Foreign
            : ClientOrigin.Unknown);
    }

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

    /// <summary>The local, parameter, field or property an expression reads (the key variables are recorded under).</summary>
    public static ISymbol? HolderOf(IOperation? value) => SkipConversions(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };

    public static IOperation? SkipConversions(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
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

    private readonly struct ClientCensus
    {
        public ClientCensus(bool catalog, bool other)
        {
            Catalog = catalog;
            Other = other;
        }

        public bool Catalog { get; }

        public bool Other { get; }
    }

    /// <summary>
    /// The origin of a client-typed creation or invocation that builds a client; <c>null</c> when it builds none itself:
    /// middleware around an inner client (which decides), a service lookup (<c>GetRequiredService&lt;T&gt;</c>), or a
    /// method of the project's own (what it returns is not followed).
    /// </summary>
    private ClientOrigin? ConstructionOrigin(IOperation operation)
    {
        if (IsCatalogClient(operation.Type))
        {
            return operation is IObjectCreationOperation ? ClientOrigin.Catalog : null;
        }

        if (Wrapped(operation) is not null)
        {
            return null;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation:
                return creation.Type is INamedTypeSymbol type && IsMiddleware(type) ? null : ClientOrigin.Foreign;
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.OriginalDefinition.ReturnType is ITypeParameterSymbol)
                {
                    return null;
                }

                // An SDK adapter by its conventional name (also when a test or a shim declares it in source), else any
                // client-returning method from a referenced library other than ours.
                if (method.Name.StartsWith("AsIChatClient", StringComparison.Ordinal))
                {
                    return ClientOrigin.Foreign;
                }

                return IsInSource(method) || ModelRefPositions.IsModelCatalogSymbol(method) ? null : ClientOrigin.Foreign;
            default:
                return null;
        }
    }

    /// <summary>The inner client or builder of middleware (<c>new X(inner)</c>, <c>inner.AsBuilder()</c>, <c>builder.Use…()</c>, <c>builder.Build()</c>).</summary>
    private IOperation? Wrapped(IOperation operation)
    {
        IOperation? instance = null;
        IEnumerable<IArgumentOperation> arguments;
        switch (operation)
        {
            case IObjectCreationOperation creation:
                arguments = creation.Arguments;
                break;
            case IInvocationOperation invocation:
                instance = invocation.Instance;
                arguments = invocation.Arguments;
                break;
            default:
                return null;
        }

        if (instance is not null && IsClientOrBuilder(instance.Type))
        {
            return instance;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsClientOrBuilder(parameter.Type))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private bool IsClientOrBuilder(ITypeSymbol? type) =>
        IsClientType(type) || (_builder is not null && SymbolEqualityComparer.Default.Equals(type, _builder));

    private bool IsCatalogClient(ITypeSymbol? type) =>
        _catalogClient is not null && type is not null && SymbolEqualityComparer.Default.Equals(type, _catalogClient);

    /// <summary>A <c>DelegatingChatClient</c> (logging, function invocation, caching…): passes calls to an inner client.</summary>
    private bool IsMiddleware(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && _delegating is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _delegating))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>IChatClient</c> and every type implementing it (cached per type).</summary>
    public bool IsClientType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Interface or TypeKind.Struct or TypeKind.TypeParameter))
        {
            return false;
        }

        return _isClientType.GetOrAdd(type, t =>
        {
            if (SymbolEqualityComparer.Default.Equals(t, _chatClient))
            {
                return true;
            }

            foreach (var implemented in t.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, _chatClient))
                {
                    return true;
                }
            }

            return false;
        });
    }

    private static bool IsInSource(IMethodSymbol method) => method.Locations.Length > 0 && method.Locations[0].IsInSource;
}

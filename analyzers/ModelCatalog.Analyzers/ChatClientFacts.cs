using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// What one compilation shows about its <c>IChatClient</c>s, recorded by operation actions as the compiler visits each
/// operation once (no syntax is rescanned): how many clients it constructs of each origin, what each client-typed local,
/// field and property is assigned, and which clients each <c>ChatOptions</c> variable is passed to
/// (<c>GetResponseAsync</c>, <c>GetStreamingResponseAsync</c>). Read at compilation end, when every write is known.
/// Thread-safe: the actions run concurrently.
/// </summary>
internal sealed class ChatClientFacts
{
    private const int MaxDepth = 8;

    private readonly INamedTypeSymbol _chatClient;
    private readonly INamedTypeSymbol _chatOptions;
    private readonly INamedTypeSymbol? _catalogClient;
    private readonly INamedTypeSymbol? _builder;
    private readonly INamedTypeSymbol? _delegating;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _isClientType = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<ClientTarget>> _holderWrites = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<ClientTarget>> _optionsTargets = new(SymbolEqualityComparer.Default);
    private int _catalogConstructions;
    private int _foreignConstructions;

    private ChatClientFacts(INamedTypeSymbol chatClient, INamedTypeSymbol chatOptions, Compilation compilation)
    {
        _chatClient = chatClient;
        _chatOptions = chatOptions;
        _catalogClient = compilation.GetTypeByMetadataName("ModelCatalog.CatalogChatClient");
        _builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientBuilder");
        _delegating = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DelegatingChatClient");
    }

    /// <summary>The facts recorder of <paramref name="compilation"/>; <c>null</c> when it does not reference Microsoft.Extensions.AI.</summary>
    public static ChatClientFacts? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient") is { } chatClient &&
        compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions") is { } chatOptions
            ? new ChatClientFacts(chatClient, chatOptions, compilation)
            : null;

    /// <summary>The compilation constructs at least one <c>CatalogChatClient</c>.</summary>
    public bool ConstructsCatalogClient => Volatile.Read(ref _catalogConstructions) > 0;

    /// <summary>The compilation constructs some other <c>IChatClient</c> (a class of its own, or an SDK adapter).</summary>
    public bool ConstructsOtherClient => Volatile.Read(ref _foreignConstructions) > 0;

    /// <summary>Object creations and invocations: counts client constructions; records options passed to a chat call.</summary>
    public void OnCreationOrInvocation(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (IsClientType(operation.Type) && ConstructionOrigin(operation) is { } origin)
        {
            Interlocked.Increment(ref origin == ClientOrigin.Catalog ? ref _catalogConstructions : ref _foreignConstructions);
        }

        if (operation is IInvocationOperation invocation && TryGetChatCall(invocation, out var receiver, out var options) &&
            HolderOf(options) is { } optionsHolder)
        {
            _optionsTargets.GetOrAdd(optionsHolder, static _ => new ConcurrentQueue<ClientTarget>()).Enqueue(TargetOf(receiver));
        }
    }

    /// <summary>Declarators, assignments and field/property initializers: records what a client-typed variable holds.</summary>
    public void OnWrite(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IVariableDeclaratorOperation declarator when IsClientType(declarator.Symbol.Type):
                if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } variableInitializer)
                {
                    RecordWrite(declarator.Symbol, variableInitializer.Value);
                }

                break;
            case IAssignmentOperation { Kind: OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment } assignment
                when IsClientType(assignment.Target.Type) && HolderOf(assignment.Target) is { } holder:
                RecordWrite(holder, assignment.Value);
                break;
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    if (IsClientType(field.Type))
                    {
                        RecordWrite(field.OriginalDefinition, fieldInitializer.Value);
                    }
                }

                break;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    if (IsClientType(property.Type))
                    {
                        RecordWrite(property.OriginalDefinition, propertyInitializer.Value);
                    }
                }

                break;
        }
    }

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

    /// <summary>The origin a target comes down to, following variables through their recorded writes (call at compilation end).</summary>
    public ClientOrigin Resolve(ClientTarget target)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        return Resolve(target, visited);
    }

    /// <summary>The clients the <c>ChatOptions</c> held by <paramref name="optionsHolder"/> are passed to (call at compilation end).</summary>
    public IEnumerable<ClientTarget> TargetsOfOptions(ISymbol optionsHolder) =>
        _optionsTargets.TryGetValue(optionsHolder, out var targets) ? targets : Array.Empty<ClientTarget>();

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

    private ClientOrigin Resolve(ClientTarget target, HashSet<ISymbol> visited)
    {
        if (target.Holder is not { } holder)
        {
            return target.Origin;
        }

        if (holder is IParameterSymbol || !visited.Add(holder) || !_holderWrites.TryGetValue(holder, out var writes))
        {
            return ClientOrigin.Unknown; // injected, never written here, or a cycle
        }

        ClientOrigin? combined = null;
        foreach (var write in writes)
        {
            var origin = Resolve(write, visited);
            combined = combined is null || combined == origin ? origin : ClientOrigin.Unknown;
        }

        return combined ?? ClientOrigin.Unknown;
    }

    private void RecordWrite(ISymbol holder, IOperation value) =>
        _holderWrites.GetOrAdd(holder, static _ => new ConcurrentQueue<ClientTarget>()).Enqueue(TargetOf(value));

    /// <summary>
    /// The origin of a client-typed creation or invocation that builds a client; <c>null</c> when it builds none itself:
    /// middleware around an inner client (counted where that one is built), a service lookup (<c>GetRequiredService&lt;T&gt;</c>),
    /// or a method of the project's own (its body's constructions count).
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

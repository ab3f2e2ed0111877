using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// What a compilation shows about its <c>IChatClient</c>s, for the evidence rule (README.md, "Model refs in C#"), asked only for the few
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
/// Thread-safe: the census and the scope indexes are built once on first need (concurrent dictionary, lazy) and read-only after. Split over ChatClientFacts.Scopes.cs and ChatClientFacts.Census.cs.
/// </summary>
internal sealed partial class ChatClientFacts
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

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>How sure the analyzers are that a <c>ChatOptions.ModelId</c> value is meant for the catalog (README.md, "Model refs in C#").</summary>
internal enum EvidenceLevel
{
    /// <summary>No evidence (or the options go to another client): no diagnostic.</summary>
    None,

    /// <summary>The options reach an <c>IChatClient</c> of unknown origin in a compilation that builds the catalog's client and others: at most a warning.</summary>
    Weak,

    /// <summary>The options reach a <c>CatalogChatClient</c>, or the catalog uses the provider: judged like a <c>[ModelRef]</c> value.</summary>
    Strong,
}

/// <summary>
/// Where the options object of one <c>ChatOptions.ModelId</c> write goes: straight into a chat call
/// (<c>client.GetResponseAsync(…, new ChatOptions { ModelId = … })</c>), into a variable whose chat calls are in
/// scope (<see cref="ChatClientFacts.TargetsOfOptions"/>), or nowhere in sight.
/// </summary>
internal readonly struct ChatOptionsSite
{
    private ChatOptionsSite(ClientTarget? directTarget, ISymbol? optionsHolder)
    {
        DirectTarget = directTarget;
        OptionsHolder = optionsHolder;
    }

    /// <summary>The client of the chat call the options are an argument of.</summary>
    public ClientTarget? DirectTarget { get; }

    /// <summary>The local, parameter, field or property holding the options.</summary>
    public ISymbol? OptionsHolder { get; }

    /// <summary>
    /// Follows <paramref name="write"/> (an assignment to <c>ModelId</c>, in an object initializer or on a variable) to
    /// the options object and from there one step to its consumer. Operation parents only: nothing is rescanned.
    /// </summary>
    public static ChatOptionsSite Locate(IOperation write, ChatClientFacts facts)
    {
        if (write is not IAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } })
        {
            return default;
        }

        if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return new ChatOptionsSite(null, ChatClientFacts.HolderOf(instance));
        }

        // new ChatOptions { ModelId = … }: climb to the creation, then to what consumes it.
        if (write.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
        {
            return default;
        }

        IOperation options = creation;
        while (options.Parent is IConversionOperation conversion)
        {
            options = conversion;
        }

        switch (options.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument
                when facts.TryGetChatCall(invocation, out var receiver, out var passed) && ReferenceEquals(passed, argument.Value):
                return new ChatOptionsSite(facts.TargetOf(receiver), null);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return new ChatOptionsSite(null, declarator.Symbol);
            case IVariableInitializerOperation { Parent: IVariableDeclarationOperation declaration } when declaration.Declarators.Length == 1:
                return new ChatOptionsSite(null, declaration.Declarators[0].Symbol);
            case IAssignmentOperation assignment when ReferenceEquals(assignment.Value, options):
                return new ChatOptionsSite(null, ChatClientFacts.HolderOf(assignment.Target));
            case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                return new ChatOptionsSite(null, field.InitializedFields[0].OriginalDefinition);
            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                return new ChatOptionsSite(null, property.InitializedProperties[0].OriginalDefinition);
            default:
                return default;
        }
    }

    /// <summary>
    /// The evidence for a value written at <paramref name="write"/> (README.md, "Model refs in C#"). <paramref name="providerUsed"/>: the
    /// catalog uses the value's provider part (or a near miss of one), which is evidence wherever the options go, except
    /// to clients that are all provably other ones. The compilation-wide census is asked last, only when still needed.
    /// </summary>
    public EvidenceLevel Judge(ChatClientFacts facts, IOperation write, bool providerUsed)
    {
        var origins = new List<ClientOrigin>(1);
        if (DirectTarget is { } direct)
        {
            origins.Add(facts.Resolve(direct, write));
        }
        else if (OptionsHolder is { } holder)
        {
            foreach (var target in facts.TargetsOfOptions(holder, write))
            {
                origins.Add(facts.Resolve(target, write));
            }
        }

        if (origins.Contains(ClientOrigin.Catalog))
        {
            return EvidenceLevel.Strong;
        }

        if (origins.Count > 0 && !origins.Contains(ClientOrigin.Unknown))
        {
            return EvidenceLevel.None; // every client these options reach is another one
        }

        if (providerUsed || (facts.ConstructsCatalogClient && !facts.ConstructsOtherClient))
        {
            return EvidenceLevel.Strong; // the catalog's provider, or the compilation's only client is the catalog's
        }

        return origins.Count > 0 && facts.ConstructsCatalogClient ? EvidenceLevel.Weak : EvidenceLevel.None;
    }
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>How strictly a position is checked.</summary>
internal enum RefPositionKind
{
    /// <summary>Not a model-ref position.</summary>
    None,

    /// <summary>A parameter, property or field marked <c>[ModelCatalog.ModelRef]</c>: every value is checked.</summary>
    ModelRef,

    /// <summary><c>Microsoft.Extensions.AI.ChatOptions.ModelId</c>: checked only on evidence that the value targets the catalog.</summary>
    ChatOptionsModelId,
}

/// <summary>
/// Recognises the operations that write a value into a model-ref position (README.md, Model refs in C#): arguments, simple and <c>??=</c>
/// assignments (object initializers and <c>with</c> included), and property, field and parameter initializers; and
/// collects the constant strings such a value can produce.
/// </summary>
internal sealed class ModelRefPositions
{
    private const int MaxLeafDepth = 8;
    private readonly IPropertySymbol? _chatOptionsModelId;

    public ModelRefPositions(Compilation compilation)
    {
        // Resolved once per compilation; absent when the project does not reference Microsoft.Extensions.AI.
        if (compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions") is { } chatOptions)
        {
            foreach (var member in chatOptions.GetMembers("ModelId"))
            {
                _chatOptionsModelId ??= member as IPropertySymbol;
            }
        }
    }

    /// <summary>
    /// The position <paramref name="operation"/> writes to and the value it writes; <see cref="RefPositionKind.None"/>
    /// for anything else (including default arguments the caller never wrote).
    /// </summary>
    public RefPositionKind Classify(IOperation operation, out IOperation? value)
    {
        value = null;
        switch (operation)
        {
            case IArgumentOperation argument when argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue:
                value = argument.Value;
                return IsStringOrStringArray(parameter.Type) ? OfParameter(parameter) : RefPositionKind.None;
            case IAssignmentOperation assignment when assignment.Kind is OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment:
                value = assignment.Value;
                return OfTarget(assignment.Target);
            case IPropertyInitializerOperation initializer:
                value = initializer.Value;
                return Strongest(initializer.InitializedProperties);
            case IFieldInitializerOperation initializer:
                value = initializer.Value;
                return Strongest(initializer.InitializedFields);
            case IParameterInitializerOperation initializer:
                value = initializer.Value;
                return OfParameter(initializer.Parameter);
            default:
                return RefPositionKind.None;
        }
    }

    /// <summary>
    /// True when the literal is (part of) the value of a model-ref position, so the position check judges it and the
    /// free-standing MC1001 check must not report it a second time.
    /// </summary>
    public bool IsInRefPosition(IOperation literal) =>
        Consumer(literal, out var value) is { } consumer && Classify(consumer, out var written) != RefPositionKind.None && ReferenceEquals(written, value);

    /// <summary>
    /// True when the literal is (part of) an argument the code passes to a method or constructor of another library or
    /// of the project (<c>GetChatClient("…")</c>, <c>AsIChatClient("…")</c>, a client's constructor): such a value is
    /// that API's model id, never a catalog ref, unless the parameter is <c>[ModelRef]</c> (README.md, "Model refs in C#"). Arguments to
    /// ModelCatalog's own APIs stay refs, and so do indexer keys and collection-initializer elements (data, not calls).
    /// </summary>
    public static bool IsArgumentOfOtherApi(IOperation literal) =>
        Consumer(literal, out _) is IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method, Parent.IsImplicit: false } &&
        !IsModelCatalogSymbol(method);

    /// <summary>True for a symbol declared in the <c>ModelCatalog</c> namespace or below it (the runtime's APIs).</summary>
    public static bool IsModelCatalogSymbol(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "ModelCatalog" };
    }

    /// <summary>
    /// The operation that consumes the value <paramref name="literal"/> is part of, climbing through conversions and
    /// the branches of <c>?:</c>, <c>??</c>, switch expressions and array initializers; <paramref name="value"/> is the
    /// consumed child.
    /// </summary>
    private static IOperation? Consumer(IOperation literal, out IOperation value)
    {
        value = literal;
        for (int depth = 0; depth <= MaxLeafDepth && value.Parent is { } parent; depth++)
        {
            switch (parent)
            {
                case IConversionOperation:
                case ICoalesceOperation:
                case ISwitchExpressionArmOperation:
                case ISwitchExpressionOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, value):
                    value = parent;
                    continue;
                default:
                    return parent;
            }
        }

        return null;
    }

    /// <summary>
    /// The string constants <paramref name="value"/> can produce, each with the operation to report at: the value
    /// itself when it is constant (a literal, a <c>const</c>, a constant expression), else the constant branches of
    /// <c>?:</c>, <c>??</c> and switch expressions, and the elements of a <c>params</c> array.
    /// </summary>
    public static void CollectConstantLeaves(IOperation value, List<(IOperation Operation, string Value)> leaves, int depth = 0)
    {
        if (depth > MaxLeafDepth)
        {
            return;
        }

        if (value.ConstantValue.HasValue)
        {
            if (value.ConstantValue.Value is string text)
            {
                leaves.Add((value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value, text));
            }

            return;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                CollectConstantLeaves(conversion.Operand, leaves, depth + 1);
                break;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                CollectConstantLeaves(conditional.WhenTrue, leaves, depth + 1);
                CollectConstantLeaves(conditional.WhenFalse, leaves, depth + 1);
                break;
            case ICoalesceOperation coalesce:
                CollectConstantLeaves(coalesce.WhenNull, leaves, depth + 1);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    CollectConstantLeaves(arm.Value, leaves, depth + 1);
                }

                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    CollectConstantLeaves(element, leaves, depth + 1);
                }

                break;
        }
    }

    private RefPositionKind OfTarget(IOperation target) => target switch
    {
        IPropertyReferenceOperation property => OfProperty(property.Property),
        IFieldReferenceOperation field => HasModelRef(field.Field) ? RefPositionKind.ModelRef : RefPositionKind.None,
        _ => RefPositionKind.None,
    };

    private RefPositionKind Strongest<TSymbol>(IEnumerable<TSymbol> symbols)
        where TSymbol : ISymbol
    {
        var kind = RefPositionKind.None;
        foreach (var symbol in symbols)
        {
            var current = symbol switch
            {
                IPropertySymbol property => OfProperty(property),
                IFieldSymbol field when HasModelRef(field) => RefPositionKind.ModelRef,
                _ => RefPositionKind.None,
            };
            if (current == RefPositionKind.ModelRef)
            {
                return current;
            }

            if (current != RefPositionKind.None)
            {
                kind = current;
            }
        }

        return kind;
    }

    private RefPositionKind OfProperty(IPropertySymbol property)
    {
        if (property.Type.SpecialType != SpecialType.System_String)
        {
            return RefPositionKind.None;
        }

        // [ModelRef] is Inherited: an override without the attribute is still a model-ref position.
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (HasModelRef(current))
            {
                return RefPositionKind.ModelRef;
            }

            if (_chatOptionsModelId is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _chatOptionsModelId))
            {
                return RefPositionKind.ChatOptionsModelId;
            }
        }

        return RefPositionKind.None;
    }

    /// <summary>
    /// Whether <paramref name="property"/> (or a property it overrides: the attribute is Inherited) is marked
    /// <c>[ModelCatalog.ModelRef]</c>, whatever its type (configuration binding also marks lists of refs).
    /// </summary>
    public static bool IsMarked(IPropertySymbol property)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (HasModelRef(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="parameter"/> (or the parameter it overrides) is marked <c>[ModelCatalog.ModelRef]</c>, whatever its
    /// type: configuration binding passes constructor parameters by name (a record's <c>record R([ModelRef] string Model)</c>).
    /// </summary>
    public static bool IsMarked(IParameterSymbol parameter) => OfParameter(parameter) == RefPositionKind.ModelRef;

    private static RefPositionKind OfParameter(IParameterSymbol parameter)
    {
        for (var current = parameter; current is not null; current = OverriddenParameter(current))
        {
            if (HasModelRef(current))
            {
                return RefPositionKind.ModelRef;
            }
        }

        return RefPositionKind.None;
    }

    private static IParameterSymbol? OverriddenParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { OverriddenMethod: { } overridden } && parameter.Ordinal < overridden.Parameters.Length
            ? overridden.Parameters[parameter.Ordinal]
            : null;

    private static bool IsStringOrStringArray(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String ||
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };

    /// <summary>Matched by name, so a project that declares its own <c>ModelCatalog.ModelRefAttribute</c> works too.</summary>
    private static bool HasModelRef(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ModelRefAttribute", ContainingNamespace: { Name: "ModelCatalog", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }
}

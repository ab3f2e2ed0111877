using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Finds the options types the code binds to configuration sections, and adds the paths of their <c>[ModelRef]</c>
/// properties to a <see cref="ConfigurationPathSet"/> (README.md, "Model refs in configuration files"). The bindings
/// are the Microsoft.Extensions.Options and Microsoft.Extensions.Configuration.Binder calls:
/// <c>services.Configure&lt;T&gt;(config.GetSection("X"))</c>, <c>AddOptions&lt;T&gt;().Bind(config.GetSection("X"))</c>,
/// <c>.BindConfiguration("X")</c>, <c>config.GetSection("X").Get&lt;T&gt;()</c> and <c>config.GetSection("X").Bind(obj)</c>;
/// nested options objects, lists and dictionaries map to nested paths as the binder maps them, and so do the parameters
/// of the constructor the binder calls. Sections and keys held in locals and readonly fields assigned once are followed
/// (<see cref="ValueOrigins"/>); a section the code names through anything else is not guessed at.
/// </summary>
internal static partial class ConfigurationBindings
{
    private const string ServiceCollectionExtensions = "OptionsConfigurationServiceCollectionExtensions";
    private const string OptionsBuilderExtensions = "OptionsBuilderConfigurationExtensions";
    private const string Binder = "ConfigurationBinder";

    /// <summary>
    /// Adds the model-ref paths of every binding in <paramref name="compilation"/>. Syntax first: only invocations of
    /// methods named like a binding are bound by the semantic model, so a project that binds nothing pays one syntax walk.
    /// </summary>
    public static void Collect(Compilation compilation, ConfigurationPathSet paths, CancellationToken cancellationToken)
    {
        var origins = new ValueOrigins(compilation, cancellationToken);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("Configure", StringComparison.Ordinal) < 0 && text.IndexOf("Bind", StringComparison.Ordinal) < 0 &&
                text.IndexOf("Get", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || !IsBindingName(InvokedName(invocation)))
                {
                    continue;
                }

                model ??= origins.ModelOf(tree);
                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                {
                    AddBinding(operation, paths, origins);
                }
            }
        }
    }

    private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsBindingName(string? name) => name is "Configure" or "Bind" or "BindConfiguration" or "Get";

    /// <summary>One binding call: the options type and the section path it binds, if both are known.</summary>
    private static void AddBinding(IInvocationOperation invocation, ConfigurationPathSet paths, ValueOrigins origins)
    {
        var method = invocation.TargetMethod;
        var container = method.ContainingType?.Name;
        ITypeSymbol? optionsType = null;
        List<string>? section = null;
        switch (method.Name)
        {
            case "Configure" when container == ServiceCollectionExtensions && method.TypeArguments.Length == 1:
            case "Bind" when container == OptionsBuilderExtensions && method.TypeArguments.Length == 1:
                optionsType = method.TypeArguments[0];
                section = SectionOf(ArgumentOf(invocation, IsConfiguration), origins);
                break;
            case "BindConfiguration" when container == OptionsBuilderExtensions && method.TypeArguments.Length == 1:
                optionsType = method.TypeArguments[0];
                section = origins.StringOf(ArgumentOf(invocation, p => p.Type.SpecialType == SpecialType.System_String)) is { } path
                    ? new List<string>(ConfigurationPathSet.Split(path))
                    : null;
                break;
            case "Get" when container == Binder:
                optionsType = method.TypeArguments.Length == 1 ? method.TypeArguments[0]
                    : ArgumentOf(invocation, p => p.Type.Name == "Type") is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
                section = SectionOf(ArgumentOf(invocation, IsConfiguration), origins);
                break;
            case "Bind" when container == Binder:
                optionsType = Unwrap(ArgumentOf(invocation, p => p.Type.SpecialType == SpecialType.System_Object))?.Type;
                section = SectionOf(ArgumentOf(invocation, IsConfiguration), origins);
                if (section is not null && ArgumentOf(invocation, p => p.Type.SpecialType == SpecialType.System_String) is { } key)
                {
                    section = origins.StringOf(key) is { } keyPath ? Append(section, keyPath) : null;
                }

                break;
        }

        if (optionsType is not null && section is not null)
        {
            AddOptionsType(paths, section, optionsType);
        }
    }

    /// <summary>
    /// The path of the configuration object <paramref name="value"/> evaluates to: the keys of a chain of
    /// <c>GetSection</c>/<c>GetRequiredSection</c> calls with constant keys (literals, <c>const</c> fields, <c>nameof</c>, or
    /// a local or readonly field assigned one of those once) over a configuration root, through locals and readonly fields
    /// assigned once (<c>var chat = config.GetSection("Chat")</c>); <c>null</c> when that cannot be told from the code.
    /// </summary>
    private static List<string>? SectionOf(IOperation? value, ValueOrigins origins)
    {
        var keys = new List<string>();
        var current = Unwrap(value);
        for (int hops = 0; current is not null && hops < ValueOrigins.MaxHops; hops++)
        {
            if (current is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } call)
            {
                if (origins.StringOf(ArgumentOf(call, p => p.Type.SpecialType == SpecialType.System_String)) is not { } key)
                {
                    return null;
                }

                keys.InsertRange(0, ConfigurationPathSet.Split(key));
                current = Unwrap(call.Instance ?? ArgumentOf(call, IsConfiguration));
            }
            else if (origins.AssignedOnce(current) is { } assigned)
            {
                current = Unwrap(assigned);
            }
            else
            {
                return IsRoot(current) ? keys : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the chain starts from a configuration root: a parameter or property typed as a configuration that is not a
    /// section (<c>builder.Configuration</c>, a Startup's <c>IConfiguration</c>); anything else — a call, a <c>new</c>, a
    /// local or field that could not be followed — only when its type cannot be a section (<c>IConfigurationRoot</c>,
    /// <c>IConfigurationManager</c>, <c>ConfigurationManager</c>): a helper returning <c>IConfiguration</c> or an
    /// <c>IConfiguration</c> variable assigned twice may hold either.
    /// </summary>
    private static bool IsRoot(IOperation origin)
    {
        if (origin.Type is not { } type || !IsConfigurationType(type) || type.Name == "IConfigurationSection" || Implements(type, "IConfigurationSection"))
        {
            return false;
        }

        return origin switch
        {
            IParameterReferenceOperation or IPropertyReferenceOperation => true,
            _ => IsRootOnly(type),
        };
    }

    private static bool IsRootOnly(ITypeSymbol type) =>
        (type.Name is "IConfigurationRoot" or "IConfigurationManager" && IsConfigurationInterface(type)) ||
        Implements(type, "IConfigurationRoot") || Implements(type, "IConfigurationManager");

    /// <summary>
    /// Adds the paths of <paramref name="root"/>'s <c>[ModelRef]</c> properties below <paramref name="section"/>, following
    /// nested options objects, lists (<c>Key:0</c>) and dictionaries (<c>Key:name</c>) as the binder does. Iterative, with
    /// a depth limit and no type twice on one path, so a type that contains itself ends.
    /// </summary>
    private static void AddOptionsType(ConfigurationPathSet paths, List<string> section, ITypeSymbol root)
    {
        var pending = new Stack<(ITypeSymbol Type, List<string> Path, List<ITypeSymbol> Outer)>();
        pending.Push((root, section, new List<ITypeSymbol>()));
        while (pending.Count > 0)
        {
            var (type, path, outer) = pending.Pop();
            if (path.Count >= ConfigurationPathSet.MaxDepth || outer.Exists(t => SymbolEqualityComparer.Default.Equals(t, type)) || !IsOptionsObject(type))
            {
                continue;
            }

            var inner = new List<ITypeSymbol>(outer) { type };
            foreach (var member in MembersOf(type))
            {
                var propertyPath = Append(path, member.Name);
                var valueType = member.Type;
                while (ElementOf(valueType) is { } element)
                {
                    propertyPath = Append(propertyPath, ConfigurationPathSet.AnyKey);
                    valueType = element;
                    if (propertyPath.Count >= ConfigurationPathSet.MaxDepth)
                    {
                        break;
                    }
                }

                if (valueType.SpecialType == SpecialType.System_String)
                {
                    if (member.IsMarked)
                    {
                        paths.Add(propertyPath);
                    }
                }
                else
                {
                    pending.Push((valueType, propertyPath, inner));
                }
            }
        }
    }

    /// <summary>
    /// The keys the binder reads for <paramref name="type"/>, ignoring case as it does: its public instance properties, the
    /// base types' included (an override once, the most derived), and the parameters of the constructor it calls — the one
    /// public constructor of a class without a public parameterless one. A key is a ref when its property or a public
    /// constructor's parameter of the same name is <c>[ModelRef]</c>: a positional record's <c>record R([ModelRef] string
    /// Model)</c> puts the attribute on the parameter only, and the binder passes the parameter from the same key.
    /// </summary>
    private static List<BoundMember> MembersOf(ITypeSymbol type)
    {
        var members = new List<BoundMember>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property &&
                    !byName.ContainsKey(property.Name))
                {
                    byName.Add(property.Name, members.Count);
                    members.Add(new BoundMember(property.Name, property.Type, ModelRefPositions.IsMarked(property)));
                }
            }
        }

        if (type is not INamedTypeSymbol named)
        {
            return members;
        }

        var constructors = new List<IMethodSymbol>();
        bool hasParameterless = named.IsValueType;
        foreach (var constructor in named.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public)
            {
                constructors.Add(constructor);
                hasParameterless |= constructor.Parameters.Length == 0;
            }
        }

        foreach (var constructor in constructors)
        {
            bool isBinderConstructor = !hasParameterless && constructors.Count == 1;
            foreach (var parameter in constructor.Parameters)
            {
                bool marked = ModelRefPositions.IsMarked(parameter);
                if (byName.TryGetValue(parameter.Name, out var index))
                {
                    members[index] = members[index] with { IsMarked = members[index].IsMarked || marked };
                }
                else if (isBinderConstructor)
                {
                    byName.Add(parameter.Name, members.Count);
                    members.Add(new BoundMember(parameter.Name, parameter.Type, marked));
                }
            }
        }

        return members;
    }

    /// <summary>One key the binder reads for an options type: its name, the type bound from it, and whether it is marked <c>[ModelRef]</c>.</summary>
    private readonly record struct BoundMember(string Name, ITypeSymbol Type, bool IsMarked);

    /// <summary>A class or struct of the app's own (not a framework value such as <c>TimeSpan</c> or <c>Uri</c>, which bind from one string).</summary>
    private static bool IsOptionsObject(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None && !IsFrameworkNamespace(type.ContainingNamespace);

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    /// <summary>The element type of an array or list, or the value type of a dictionary with string keys; <c>null</c> for anything else.</summary>
    private static ITypeSymbol? ElementOf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        ITypeSymbol? enumerated = null;
        foreach (var candidate in SelfAndInterfaces(type))
        {
            if (candidate is not INamedTypeSymbol { IsGenericType: true } named)
            {
                continue;
            }

            var name = named.OriginalDefinition.ToDisplayString();
            if (name is "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>")
            {
                return named.TypeArguments[0].SpecialType == SpecialType.System_String ? named.TypeArguments[1] : null;
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                enumerated ??= named.TypeArguments[0];
            }
        }

        return enumerated;
    }

    private static IEnumerable<ITypeSymbol> SelfAndInterfaces(ITypeSymbol type)
    {
        yield return type;
        foreach (var candidate in type.AllInterfaces)
        {
            yield return candidate;
        }
    }

    private static bool IsConfiguration(IParameterSymbol parameter) => IsConfigurationType(parameter.Type);

    private static bool IsConfigurationType(ITypeSymbol type) => IsConfigurationInterface(type) || Implements(type, "IConfiguration");

    private static bool IsConfigurationInterface(ITypeSymbol type) =>
        type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";

    private static bool Implements(ITypeSymbol type, string interfaceName)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.Name == interfaceName && IsConfigurationInterface(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? ArgumentOf(IInvocationOperation invocation, Func<IParameterSymbol, bool> parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } p && argument.ArgumentKind != ArgumentKind.DefaultValue && parameter(p))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static List<string> Append(List<string> path, string keys)
    {
        var list = new List<string>(path);
        list.AddRange(ConfigurationPathSet.Split(keys));
        return list;
    }
}

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

internal static partial class ConfigurationBindings
{
    /// <summary>
    /// Where a configuration section or a section key held in a variable comes from (README.md, "Model refs in configuration
    /// files"): a local with an initializer and no other write in its method, or a readonly field written once (its
    /// initializer or one assignment in a constructor). Anything written more than once, by <c>ref</c>/<c>out</c>, or not
    /// declared in source is not followed: the binding is then left unknown rather than guessed.
    /// </summary>
    internal sealed class ValueOrigins
    {
        /// <summary>At most this many variables and section calls are followed for one binding (no cycle can run away).</summary>
        public const int MaxHops = 32;

        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

        public ValueOrigins(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        /// <summary>One semantic model per tree for the whole scan.</summary>
        public SemanticModel ModelOf(SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
                // The analyzer driver hands out its cached semantic models only to syntax-bound actions; a configuration file
                // has no tree of its own to get one from.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                _models.Add(tree, model);
            }

            return model;
        }

        /// <summary>
        /// The string <paramref name="value"/> is known to hold: a constant (literal, <c>const</c> field, <c>nameof</c>), or
        /// the constant a local or readonly field was assigned once; <c>null</c> otherwise.
        /// </summary>
        public string? StringOf(IOperation? value)
        {
            for (int hops = 0; value is not null && hops < MaxHops; hops++)
            {
                if (value.ConstantValue.HasValue)
                {
                    return value.ConstantValue.Value as string;
                }

                value = AssignedOnce(Unwrap(value)!);
            }

            return null;
        }

        /// <summary>The value a local or readonly field reference holds if it is assigned exactly once in source; else <c>null</c>.</summary>
        public IOperation? AssignedOnce(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => LocalAssignedOnce(local),
            IFieldReferenceOperation { Field: { IsReadOnly: true, IsConst: false } field } => FieldAssignedOnce(field),
            _ => null,
        };

        private IOperation? LocalAssignedOnce(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef)
            {
                return null;
            }

            // The whole body the reference sits in (lambdas and local functions included: they may write it too).
            var body = (IOperation)reference;
            while (body.Parent is not null)
            {
                body = body.Parent;
            }

            IOperation? value = null;
            int writes = 0;
            foreach (var operation in body.DescendantsAndSelf())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                        {
                            value = initializer.Value;
                            writes++;
                        }

                        break;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local) && IsWritten(other):
                        writes++;
                        break;
                }
            }

            return writes == 1 ? value : null;
        }

        private IOperation? FieldAssignedOnce(IFieldSymbol field)
        {
            // A readonly field is written only in its type's declarations: its initializer, constructors, init accessors.
            IOperation? value = null;
            int writes = 0;
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                    ModelOf(reference.SyntaxTree).GetOperation(initializer, _cancellationToken) is IFieldInitializerOperation fieldInitializer)
                {
                    value = fieldInitializer.Value;
                    writes++;
                }
            }

            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                var model = ModelOf(reference.SyntaxTree);
                foreach (var node in reference.GetSyntax(_cancellationToken).DescendantNodes())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != field.Name)
                    {
                        continue;
                    }

                    var expression = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? (SyntaxNode)member : name;
                    if (model.GetOperation(expression, _cancellationToken) is IFieldReferenceOperation use &&
                        SymbolEqualityComparer.Default.Equals(use.Field, field) && IsWritten(use))
                    {
                        writes++;
                        value = use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use ? assignment.Value : null;
                    }
                }
            }

            return writes == 1 ? value : null;
        }

        /// <summary>Whether the reference is written to: an assignment's target (compound and <c>??=</c> too), a <c>ref</c>/<c>out</c> argument, a deconstruction target, <c>++</c>/<c>--</c>, or a ref taken of it.</summary>
        private static bool IsWritten(IOperation reference)
        {
            var child = reference;
            for (var parent = reference.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAssignmentOperation assignment:
                        return assignment.Target == child;
                    case ITupleOperation:
                        continue; // (a, b) = …: the deconstruction assignment above decides
                    case IIncrementOrDecrementOperation:
                        return true;
                    case IArgumentOperation argument:
                        return argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;
                    case IVariableInitializerOperation when reference.Syntax.Parent is RefExpressionSyntax:
                        return true;
                    default:
                        return reference.Syntax.Parent is RefExpressionSyntax;
                }
            }

            return false;
        }
    }
}

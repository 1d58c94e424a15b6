using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Monocle.Paygentic.Diagnostics;
using Monocle.Paygentic.Generators.Model;

namespace Monocle.Paygentic.Generators;

public sealed partial class BillableInferenceGenerator
{
    /// <summary>
    /// Turns an annotated partial method (syntax and symbols) into a <see cref="MethodSpec"/> and the
    /// diagnostics its declaration earns. Never throws on broken code: what it cannot read, it skips.
    /// </summary>
    internal static class Parser
    {
        public const string BillableInferenceAttribute = "Monocle.Paygentic.BillableInferenceAttribute";
        public const string BillingSubjectAttribute = "Monocle.Paygentic.BillingSubjectAttribute";
        private const string InferenceModelAttribute = "Monocle.Paygentic.InferenceModelAttribute";

        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat s_nameFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

        public static ParseResult ParseBillableInference(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.TargetNode is not MethodDeclarationSyntax syntax
                || context.Attributes.Length == 0)
            {
                return ParseResult.Nothing;
            }

            var attribute = context.Attributes[0];
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string provider)
            {
                return ParseResult.Nothing;
            }

            string? implementation = null;
            string? model = null;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Implementation")
                {
                    implementation = argument.Value.Value as string;
                }
                else if (argument.Key == "Model")
                {
                    model = argument.Value.Value as string;
                }
            }

            var diagnostics = new List<DiagnosticInfo>();
            if (!IsValidProvider(provider))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidProviderName,
                    attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
                    provider));
            }

            var subjectAttribute = FindAttribute(method.GetAttributes(), BillingSubjectAttribute);
            var method1 = ParseMethod(context.SemanticModel.Compilation, method, syntax, implementation, subjectAttribute, isBillable: true, diagnostics, cancellationToken);
            if (method1 is null || diagnostics.Any(d => d.DescriptorId != DiagnosticDescriptors.NoUsage.Id))
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var (spec, implementationMethod) = method1.Value;
            var modelArgument = model is null ? ModelArgument(method) : null;
            var usage = spec.Shape switch
            {
                ReturnShape.Value or ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT or ReturnShape.AsyncEnumerable
                    => UsageParser.Find(ResultTypeOf(method.ReturnType, spec.Shape)!),
                _ => null,
            };

            if (usage is null && !ReportsUsage(implementationMethod, cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NoUsage,
                    syntax.Identifier.GetLocation(),
                    method.Name,
                    method.ReturnType.ToDisplayString(),
                    implementationMethod.Name));
            }

            var inference = new InferenceSpec(provider, SpanName(method), model, modelArgument, usage);
            return new ParseResult(spec with { Inference = inference }, diagnostics.ToEquatableArray());
        }

        public static ParseResult ParseBillingSubject(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method
                || context.TargetNode is not MethodDeclarationSyntax syntax
                || context.Attributes.Length == 0
                || FindAttribute(method.GetAttributes(), BillableInferenceAttribute) is not null)
            {
                // A method that is billable too is written, scope and all, by the [BillableInference] pipeline.
                return ParseResult.Nothing;
            }

            var diagnostics = new List<DiagnosticInfo>();
            var parsed = ParseMethod(context.SemanticModel.Compilation, method, syntax, implementationName: null, context.Attributes[0], isBillable: false, diagnostics, cancellationToken);
            return parsed is null || diagnostics.Count > 0
                ? new ParseResult(null, diagnostics.ToEquatableArray())
                : new ParseResult(parsed.Value.Spec, diagnostics.ToEquatableArray());
        }

        private static (MethodSpec Spec, IMethodSymbol Implementation)? ParseMethod(
            Compilation compilation,
            IMethodSymbol method,
            MethodDeclarationSyntax syntax,
            string? implementationName,
            AttributeData? subjectAttribute,
            bool isBillable,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            implementationName ??= method.Name + "Core";
            var location = syntax.Identifier.GetLocation();
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
                || syntax.Body is not null
                || syntax.ExpressionBody is not null
                || !syntax.Ancestors().OfType<TypeDeclarationSyntax>().All(t => t.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotPartial, location, method.Name, implementationName));
                return null;
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, location, method.Name,
                    "a method that returns by reference cannot be traced, since the wrapper must read the result; return the value instead"));
                return null;
            }

            var shape = Shapes.Classify(method.ReturnType, compilation);
            if (shape is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, location, method.Name,
                    $"'{method.ReturnType.ToDisplayString()}' is an async stream of its own type; declare the method as returning IAsyncEnumerable<T> so the span can follow the enumeration"));
                return null;
            }

            var implementation = FindImplementation(compilation, method, implementationName, diagnostics, location);
            var subject = ParseSubject(method, subjectAttribute, diagnostics, location);
            if (implementation is null || diagnostics.Any(d => d.DescriptorId != DiagnosticDescriptors.NoUsage.Id))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var spec = new MethodSpec(
                HintName(method),
                method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                ContainingTypes(method.ContainingType),
                string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
                method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(s_typeFormat),
                shape.Value,
                ResultTypeOf(method.ReturnType, shape.Value)?.ToDisplayString(s_typeFormat),
                Escape(method.Name),
                TypeParameterList(method.TypeParameters),
                Constraints(method.TypeParameters),
                method.Parameters.Select(p => Parameter(p, method.IsExtensionMethod && p.Ordinal == 0)).ToEquatableArray(),
                Escape(implementation.Name),
                Inference: null,
                subject);
            return (spec, implementation);
        }

        private static bool IsValidProvider(string provider) =>
            provider.Length > 0 && provider.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

        private static AttributeData? FindAttribute(IEnumerable<AttributeData> attributes, string metadataName) =>
            attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == metadataName);

        private static ITypeSymbol? ResultTypeOf(ITypeSymbol returnType, ReturnShape shape) => shape switch
        {
            ReturnShape.Value => returnType,
            ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT or ReturnShape.AsyncEnumerable
                => returnType is INamedTypeSymbol { TypeArguments.Length: 1 } named ? named.TypeArguments[0] : null,
            _ => null,
        };

        private static IMethodSymbol? FindImplementation(Compilation compilation, IMethodSymbol method, string name, List<DiagnosticInfo> diagnostics, Location location)
        {
            var candidates = new List<IMethodSymbol>();
            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                candidates.AddRange(type.GetMembers(name).OfType<IMethodSymbol>()
                    .Where(m => !SymbolEqualityComparer.Default.Equals(m, method) && m.MethodKind == MethodKind.Ordinary));
            }

            if (candidates.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ImplementationMissing, location, method.Name, name));
                return null;
            }

            string? firstReason = null;
            foreach (var candidate in candidates)
            {
                var reason = Mismatch(compilation, method, candidate);
                if (reason is null)
                {
                    return candidate;
                }

                firstReason ??= reason;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ImplementationMismatch, location, method.Name, name, firstReason!));
            return null;
        }

        private static string? Mismatch(Compilation compilation, IMethodSymbol method, IMethodSymbol candidate)
        {
            if (method.IsStatic && !candidate.IsStatic)
            {
                return "it is an instance method, and the annotated method is static; make it static";
            }

            if (candidate.TypeParameters.Length != method.TypeParameters.Length)
            {
                return $"it has {candidate.TypeParameters.Length} type parameter(s), the annotated method {method.TypeParameters.Length}";
            }

            if (candidate.Parameters.Length != method.Parameters.Length)
            {
                return $"it takes {candidate.Parameters.Length} parameter(s), the annotated method {method.Parameters.Length}";
            }

            var constructed = candidate.TypeParameters.Length == 0 ? candidate : candidate.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var expected = method.Parameters[i];
                var actual = constructed.Parameters[i];
                if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type) || !RefKindsMatch(expected.RefKind, actual.RefKind))
                {
                    return $"parameter {i + 1} is '{RefKindText(actual.RefKind)}{actual.Type.ToDisplayString()}', expected '{RefKindText(expected.RefKind)}{expected.Type.ToDisplayString()}'";
                }
            }

            // The implementation may return a more specific type (an SDK's AsyncCollectionResult<T> for an
            // IAsyncEnumerable<T> method): the wrapper only needs an implicit reference conversion.
            if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, constructed.ReturnType)
                && compilation.ClassifyCommonConversion(constructed.ReturnType, method.ReturnType) is not { IsImplicit: true, IsReference: true })
            {
                return $"it returns '{constructed.ReturnType.ToDisplayString()}', expected '{method.ReturnType.ToDisplayString()}'";
            }

            return null;
        }

        // An 'in' or 'ref readonly' argument can be passed to either kind of parameter.
        private static bool RefKindsMatch(RefKind expected, RefKind actual) =>
            expected == actual || (IsReadOnlyReference(expected) && IsReadOnlyReference(actual));

        private static bool IsReadOnlyReference(RefKind kind) => kind == RefKind.In || (int)kind == 4;

        private static string RefKindText(RefKind kind) => kind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            _ when (int)kind == 4 => "ref readonly ",
            _ => string.Empty,
        };

        private static SubjectSpec? ParseSubject(IMethodSymbol method, AttributeData? methodAttribute, List<DiagnosticInfo> diagnostics, Location location)
        {
            IParameterSymbol? parameter = null;
            AttributeData? parameterAttribute = null;
            foreach (var p in method.Parameters)
            {
                if (FindAttribute(p.GetAttributes(), BillingSubjectAttribute) is { } found)
                {
                    parameter = p;
                    parameterAttribute = found;
                    break;
                }
            }

            if (parameter is null && methodAttribute is not null)
            {
                parameter = method.Parameters.FirstOrDefault(p => p.Name is "subscriptionId" or "customerId");
            }

            if (parameter is null)
            {
                if (methodAttribute is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoSubjectParameter, location, method.Name));
                }

                return null;
            }

            if (parameter.Type.SpecialType != SpecialType.System_String)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SubjectParameterNotString,
                    parameter.Locations.FirstOrDefault() ?? location,
                    parameter.Name,
                    parameter.Type.ToDisplayString()));
                return null;
            }

            var isCustomer = parameterAttribute is not null
                ? IsCustomerKind(parameterAttribute)
                : parameter.Name == "customerId" || (parameter.Name != "subscriptionId" && IsCustomerKind(methodAttribute!));
            return new SubjectSpec(Escape(parameter.Name), isCustomer ? "Customer" : "Subscription");
        }

        private static bool IsCustomerKind(AttributeData attribute) =>
            attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind && kind == 1;

        private static string? ModelArgument(IMethodSymbol method)
        {
            foreach (var p in method.Parameters)
            {
                if (FindAttribute(p.GetAttributes(), InferenceModelAttribute) is null || p.RefKind == RefKind.Out)
                {
                    continue;
                }

                var name = Escape(p.Name);
                return p.Type.SpecialType == SpecialType.System_String ? name
                    : p.Type.IsValueType && p.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? name + ".ToString()"
                    : name + "?.ToString()";
            }

            return null;
        }

        // The implementation reports usage itself when its body calls MonocleTrace.ReportUsage (read from syntax:
        // an abstract implementation is trusted, since its overrides are out of sight).
        private static bool ReportsUsage(IMethodSymbol implementation, CancellationToken cancellationToken)
        {
            if (implementation.IsAbstract || implementation.IsExtern || implementation.DeclaringSyntaxReferences.Length == 0)
            {
                return true;
            }

            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                foreach (var invocation in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    if (name == "ReportUsage")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static string SpanName(IMethodSymbol method) =>
            method.ContainingType.ToDisplayString(s_nameFormat) + "." + method.Name;

        private static string HintName(IMethodSymbol method)
        {
            var builder = new StringBuilder();
            var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
            builder.Append(ns);
            var types = new Stack<INamedTypeSymbol>();
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                types.Push(type);
            }

            foreach (var type in types)
            {
                builder.Append(type.MetadataName).Append('.');
            }

            builder.Append(method.Name);
            if (method.TypeParameters.Length > 0)
            {
                builder.Append('`').Append(method.TypeParameters.Length);
            }

            // Overloads share a name: the declaration order among them tells them apart.
            var ordinal = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
                .Where(m => m.IsPartialDefinition).ToList().FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
            if (ordinal > 0)
            {
                builder.Append('_').Append(ordinal);
            }

            var hint = new StringBuilder(builder.Length + 5);
            foreach (var c in builder.ToString())
            {
                hint.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
            }

            return hint.Append(".g.cs").ToString();
        }

        private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol innermost)
        {
            var types = new List<ContainingTypeSpec>();
            for (var type = innermost; type is not null; type = type.ContainingType)
            {
                var keyword = type.TypeKind switch
                {
                    TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
                    TypeKind.Interface => "interface",
                    _ => type.IsRecord ? "record" : "class",
                };
                types.Insert(0, new ContainingTypeSpec(keyword, Escape(type.Name), TypeParameterList(type.TypeParameters)));
            }

            return types.ToEquatableArray();
        }

        private static string TypeParameterList(IEnumerable<ITypeParameterSymbol> typeParameters)
        {
            var names = typeParameters.Select(t => Escape(t.Name)).ToList();
            return names.Count == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
        }

        private static EquatableArray<string> Constraints(IEnumerable<ITypeParameterSymbol> typeParameters)
        {
            var clauses = new List<string>();
            foreach (var typeParameter in typeParameters)
            {
                var parts = new List<string>();
                if (typeParameter.HasReferenceTypeConstraint)
                {
                    parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
                }
                else if (typeParameter.HasUnmanagedTypeConstraint)
                {
                    parts.Add("unmanaged");
                }
                else if (typeParameter.HasValueTypeConstraint)
                {
                    parts.Add("struct");
                }
                else if (typeParameter.HasNotNullConstraint)
                {
                    parts.Add("notnull");
                }

                parts.AddRange(typeParameter.ConstraintTypes.Select(t => t.ToDisplayString(s_typeFormat)));
                if (typeParameter.HasConstructorConstraint)
                {
                    parts.Add("new()");
                }

                if (parts.Count > 0)
                {
                    clauses.Add($"where {Escape(typeParameter.Name)} : {string.Join(", ", parts)}");
                }
            }

            return clauses.ToEquatableArray();
        }

        private static ParameterSpec Parameter(IParameterSymbol parameter, bool isThis)
        {
            var modifiers = new StringBuilder();
            if (isThis)
            {
                modifiers.Append("this ");
            }

            // An out parameter is scoped without saying so; writing it would be redundant.
            if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out)
            {
                modifiers.Append("scoped ");
            }

            if (parameter.IsParams)
            {
                modifiers.Append("params ");
            }

            modifiers.Append(RefKindText(parameter.RefKind));
            var argumentPrefix = parameter.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.None => string.Empty,
                _ => "in ",
            };
            return new ParameterSpec(modifiers.ToString(), parameter.Type.ToDisplayString(s_typeFormat), Escape(parameter.Name), argumentPrefix);
        }

        internal static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) == SyntaxKind.AwaitKeyword
                ? "@" + identifier
                : identifier;
    }
}

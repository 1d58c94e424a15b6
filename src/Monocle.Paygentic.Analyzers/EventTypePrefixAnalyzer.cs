using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0011: <c>"inference.openai"</c> used as a Paygentic event type. The exporter sends
/// <c>ai.inference.openai</c>; code that compares with, or configures metrics for, the span's entity
/// type matches nothing. Fires only where the generated <c>MonocleEventTypes</c> constant for that
/// type exists, and only where an event type is meant: the literal is passed to, assigned to, or
/// compared with something named <c>…EventType</c>. <c>"inference.openai"</c> is a correct
/// <c>entity.1.type</c> span tag value, so it is not flagged elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventTypePrefixAnalyzer : DiagnosticAnalyzer
{
    private const string ConstantsType = "MonocleEventTypes";
    private const string Prefix = "ai.";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.EventTypeWithoutPrefix);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var constants = EventTypeConstants(start.Compilation);
            if (constants.Count == 0)
            {
                return;
            }

            start.RegisterOperationAction(operation => Analyze(operation, constants), OperationKind.Literal);
        });
    }

    // "ai.inference.openai" → "InferenceOpenai" (whatever the generator named it), from the generated
    // class in this compilation (any namespace) or the runtime's.
    private static Dictionary<string, string> EventTypeConstants(Compilation compilation)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new List<INamedTypeSymbol>();
        if (compilation.GetTypeByMetadataName("Monocle.Paygentic." + ConstantsType) is { } runtime)
        {
            types.Add(runtime);
        }

        foreach (var symbol in compilation.GetSymbolsWithName(ConstantsType, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol type)
            {
                types.Add(type);
            }
        }

        foreach (var type in types)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field
                    && value.StartsWith(Prefix + "inference.", StringComparison.Ordinal))
                {
                    map[value] = field.Name;
                }
            }
        }

        return map;
    }

    private static void Analyze(OperationAnalysisContext context, Dictionary<string, string> constants)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string value }
            || !value.StartsWith("inference.", StringComparison.Ordinal)
            || !constants.TryGetValue(Prefix + value, out var constant)
            || !IsEventTypeContext(literal))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EventTypeWithoutPrefix, literal.Syntax.GetLocation(), value, constant));
    }

    private static bool IsEventTypeContext(IOperation literal)
    {
        var parent = literal.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IArgumentOperation argument:
                return NamesEventType(argument.Parameter)
                    || (argument.Parent is IInvocationOperation { TargetMethod.Name: "Equals" } equals && OtherSideNamesEventType(equals, argument));
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return NamesEventType(declarator.Symbol);
            case IFieldInitializerOperation field:
                return field.InitializedFields.Length > 0 && NamesEventType(field.InitializedFields[0]);
            case IPropertyInitializerOperation property:
                return property.InitializedProperties.Length > 0 && NamesEventType(property.InitializedProperties[0]);
            case IAssignmentOperation assignment:
                return NamesEventType(ReferencedSymbol(assignment.Target));
            case IBinaryOperation binary:
                return NamesEventType(ReferencedSymbol(binary.LeftOperand))
                    || NamesEventType(ReferencedSymbol(binary.RightOperand));
            case IPatternOperation pattern:
                return NamesEventType(SwitchedSymbol(pattern));
            default:
                return false;
        }
    }

    private static bool OtherSideNamesEventType(IInvocationOperation equals, IArgumentOperation literalArgument)
    {
        if (NamesEventType(ReferencedSymbol(equals.Instance)))
        {
            return true;
        }

        foreach (var argument in equals.Arguments)
        {
            if (!ReferenceEquals(argument, literalArgument) && NamesEventType(ReferencedSymbol(argument.Value)))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? SwitchedSymbol(IOperation pattern)
    {
        for (var current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ISwitchExpressionOperation expression:
                    return ReferencedSymbol(expression.Value);
                case ISwitchOperation statement:
                    return ReferencedSymbol(statement.Value);
                case IIsPatternOperation isPattern:
                    return ReferencedSymbol(isPattern.Value);
            }
        }

        return null;
    }

    private static ISymbol? ReferencedSymbol(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
    }

    private static bool NamesEventType(ISymbol? symbol) =>
        symbol is not null && symbol.Name.EndsWith("EventType", StringComparison.OrdinalIgnoreCase);
}

using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Monocle.Paygentic.Generators.Model;

namespace Monocle.Paygentic.Generators;

public sealed partial class BillableInferenceGenerator
{
    /// <summary>
    /// Finds where a result type keeps its token usage, by the shape of its members and with no reference
    /// to any SDK: members marked <c>[InferenceUsage]</c>; a <c>Usage</c> object with the count names
    /// OpenAI .NET, Microsoft.Extensions.AI and the Anthropic SDK use; a <c>.Value</c> holder
    /// (<c>ClientResult&lt;T&gt;</c>) or <c>.Message</c> around such a type; the cases of a union type
    /// (<c>TryPickStart(out …)</c>, Anthropic's stream events); and <c>UsageContent</c> items of a
    /// <c>Contents</c> list (Microsoft.Extensions.AI's streaming updates, summed).
    /// </summary>
    internal static class UsageParser
    {
        private const string InferenceUsageAttribute = "Monocle.Paygentic.InferenceUsageAttribute";
        private const int MaxDepth = 3;

        // Property names of each count, in the order they are tried.
        private static readonly (string Property, string[] Names)[] s_counts =
        [
            ("PromptTokens", ["InputTokenCount", "InputTokens", "PromptTokens", "PromptTokenCount"]),
            ("CompletionTokens", ["OutputTokenCount", "OutputTokens", "CompletionTokens", "CompletionTokenCount"]),
            ("TotalTokens", ["TotalTokenCount", "TotalTokens"]),
            ("CacheReadInputTokens", ["CachedInputTokenCount", "CacheReadInputTokens"]),
            ("CacheCreationInputTokens", ["CacheCreationInputTokens"]),
        ];

        private static readonly string[] s_fields =
            ["PromptTokens", "CompletionTokens", "TotalTokens", "CacheReadInputTokens", "CacheCreationInputTokens", "FinishReason", "Model"];

        public static UsageReaderSpec? Find(ITypeSymbol type)
        {
            if (!IsInspectable(type))
            {
                return null;
            }

            var branches = new List<UsageBranchSpec>();
            var mode = UsageMode.Latest;
            var direct = Assignments(type, string.Empty, 0);
            if (direct.Count > 0)
            {
                branches.Add(new UsageBranchSpec(null, null, null, direct.ToEquatableArray()));
            }

            if (!HasCount(direct))
            {
                foreach (var pick in type.GetMembers().OfType<IMethodSymbol>().Where(IsTryPick).OrderBy(m => m.Name, System.StringComparer.Ordinal))
                {
                    var assignments = Assignments(pick.Parameters[0].Type, string.Empty, 1);
                    if (HasCount(assignments))
                    {
                        branches.Add(new UsageBranchSpec(pick.Name, null, null, assignments.ToEquatableArray()));
                    }
                }

                if (Property(type, "Contents") is { } contents && ElementType(contents.Type) is { } element
                    && UsageContentType(element) is { } usageContent)
                {
                    var assignments = Assignments(usageContent, string.Empty, 1);
                    if (HasCount(assignments))
                    {
                        branches.Add(new UsageBranchSpec(null, "Contents", usageContent.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), assignments.ToEquatableArray()));
                        mode = UsageMode.Sum;
                    }
                }
            }

            return branches.Any(b => HasCount(b.Assignments))
                ? new UsageReaderSpec(
                    type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
                    type.IsReferenceType,
                    branches.ToEquatableArray(),
                    mode)
                : null;
        }

        private static bool IsInspectable(ITypeSymbol type) =>
            type is INamedTypeSymbol && type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface;

        private static bool HasCount(IEnumerable<UsageAssignmentSpec> assignments) =>
            assignments.Any(a => a.Kind == UsageValueKind.Count);

        private static List<UsageAssignmentSpec> Assignments(ITypeSymbol type, string path, int depth)
        {
            var found = new List<UsageAssignmentSpec>();
            if (!IsInspectable(type) || depth > MaxDepth)
            {
                return found;
            }

            var access = path + Access(type);

            // A type of the user's own says where its counts are.
            foreach (var member in Members(type))
            {
                var marked = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == InferenceUsageAttribute);
                if (marked is { ConstructorArguments.Length: 1 } && marked.ConstructorArguments[0].Value is int field
                    && field >= 0 && field < s_fields.Length
                    && Value(MemberType(member), access + member.Name, s_fields[field]) is { } assignment)
                {
                    found.Add(assignment);
                }
            }

            if (found.Count > 0)
            {
                return found;
            }

            foreach (var (container, containerPath) in Containers(type, access))
            {
                foreach (var (property, names) in s_counts)
                {
                    if (found.Any(a => a.Property == property))
                    {
                        continue;
                    }

                    foreach (var name in names)
                    {
                        if (Property(container, name) is { } member && Value(member.Type, containerPath + name, property) is { Kind: UsageValueKind.Count } count)
                        {
                            found.Add(count);
                            break;
                        }
                    }
                }

                // OpenAI keeps cached prompt tokens one level down.
                if (!found.Any(a => a.Property == "CacheReadInputTokens")
                    && Property(container, "InputTokenDetails") is { } details
                    && Property(details.Type, "CachedTokenCount") is { } cached
                    && Value(cached.Type, containerPath + "InputTokenDetails" + Access(details.Type) + "CachedTokenCount", "CacheReadInputTokens") is { } cachedCount)
                {
                    found.Add(cachedCount);
                }
            }

            var finish = Property(type, "FinishReason") ?? Property(type, "StopReason");
            if (finish is not null && Value(finish.Type, access + finish.Name, "FinishReason") is { } finishReason)
            {
                found.Add(finishReason);
            }
            else if (Property(type, "Delta") is { } delta && Property(delta.Type, "StopReason") is { } deltaStop
                && Value(deltaStop.Type, access + "Delta" + Access(delta.Type) + "StopReason", "FinishReason") is { } deltaReason)
            {
                found.Add(deltaReason);
            }

            var model = Property(type, "Model") ?? Property(type, "ModelId");
            if (model is not null && Value(model.Type, access + model.Name, "Model") is { Kind: UsageValueKind.Text } modelName)
            {
                found.Add(modelName);
            }

            if (HasCount(found))
            {
                return found;
            }

            // A holder around the result: ClientResult<T>.Value, an event's Message.
            foreach (var holder in new[] { "Value", "Message" })
            {
                if (Property(type, holder) is { } inner)
                {
                    var nested = Assignments(inner.Type, access + holder, depth + 1);
                    if (HasCount(nested))
                    {
                        return nested;
                    }
                }
            }

            return found;
        }

        private static IEnumerable<(ITypeSymbol Type, string Path)> Containers(ITypeSymbol type, string access)
        {
            yield return (type, access);

            // Usage: OpenAI, Microsoft.Extensions.AI and Anthropic results; Details: Microsoft.Extensions.AI's UsageContent.
            foreach (var name in new[] { "Usage", "Details" })
            {
                if (Property(type, name) is { } usage && IsInspectable(usage.Type))
                {
                    yield return (usage.Type, access + name + Access(usage.Type));
                }
            }
        }

        private static UsageAssignmentSpec? Value(ITypeSymbol type, string path, string property)
        {
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : type;
            var isText = property is "FinishReason" or "Model";
            if (!isText)
            {
                return underlying.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
                    or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_Byte
                    ? new UsageAssignmentSpec(property, path, UsageValueKind.Count, null, EquatableArray<EnumNameSpec>.Empty)
                    : null;
            }

            if (underlying.SpecialType == SpecialType.System_String)
            {
                return new UsageAssignmentSpec(property, path, UsageValueKind.Text, null, EquatableArray<EnumNameSpec>.Empty);
            }

            if (underlying.TypeKind == TypeKind.Enum)
            {
                var names = underlying.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst)
                    .Select(f => new EnumNameSpec(f.Name, SnakeCase(f.Name))).ToEquatableArray();
                return new UsageAssignmentSpec(property, path, UsageValueKind.Enum, underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), names);
            }

            // A string wrapped in a small type: Microsoft.Extensions.AI's ChatFinishReason.Value, the Anthropic SDK's ApiEnum.Raw().
            if (Property(underlying, "Value") is { Type.SpecialType: SpecialType.System_String })
            {
                return new UsageAssignmentSpec(property, path + Access(type) + "Value", UsageValueKind.Text, null, EquatableArray<EnumNameSpec>.Empty);
            }

            if (Members(underlying).OfType<IMethodSymbol>().Any(m => m.Name == "Raw" && m.Parameters.Length == 0 && m.ReturnType.SpecialType == SpecialType.System_String))
            {
                return new UsageAssignmentSpec(property, path + Access(type) + "Raw()", UsageValueKind.Text, null, EquatableArray<EnumNameSpec>.Empty);
            }

            return null;
        }

        private static bool IsTryPick(IMethodSymbol method) =>
            method.Name.StartsWith("TryPick", System.StringComparison.Ordinal)
            && !method.IsStatic
            && method.DeclaredAccessibility == Accessibility.Public
            && method.ReturnType.SpecialType == SpecialType.System_Boolean
            && method.Parameters.Length == 1
            && method.Parameters[0].RefKind == RefKind.Out
            && method.TypeParameters.Length == 0;

        private static ITypeSymbol? ElementType(ITypeSymbol type) =>
            (type as INamedTypeSymbol)?.AllInterfaces.Add((INamedTypeSymbol)type)
                .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                ?.TypeArguments[0];

        // Microsoft.Extensions.AI: the usage of a streaming update is a UsageContent among its AIContent items.
        private static ITypeSymbol? UsageContentType(ITypeSymbol element)
        {
            if (element.ContainingNamespace is null || element.ContainingAssembly is null)
            {
                return null;
            }

            var candidate = element.ContainingAssembly.GetTypeByMetadataName(element.ContainingNamespace.ToDisplayString() + ".UsageContent");
            for (var type = candidate?.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, element))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static IPropertySymbol? Property(ITypeSymbol type, string name) =>
            Members(type).OfType<IPropertySymbol>().FirstOrDefault(p => p.Name == name
                && !p.IsIndexer && !p.ReturnsByRef && !p.ReturnsByRefReadonly && p.GetMethod is { DeclaredAccessibility: Accessibility.Public });

        private static IEnumerable<ISymbol> Members(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (!member.IsStatic && member.DeclaredAccessibility == Accessibility.Public && member is IPropertySymbol or IFieldSymbol or IMethodSymbol)
                    {
                        yield return member;
                    }
                }
            }
        }

        private static ITypeSymbol MemberType(ISymbol member) => member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => ((IMethodSymbol)member).ReturnType,
        };

        // '?.' where the value can be null (a reference or Nullable<T>), '.' on a plain struct.
        private static string Access(ITypeSymbol type) =>
            type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || type.TypeKind == TypeKind.TypeParameter
                ? "?."
                : ".";

        private static string SnakeCase(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    {
                        builder.Append('_');
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}

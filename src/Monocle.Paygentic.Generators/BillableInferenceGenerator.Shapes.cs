using System.Linq;
using Microsoft.CodeAnalysis;
using Monocle.Paygentic.Generators.Model;

namespace Monocle.Paygentic.Generators;

public sealed partial class BillableInferenceGenerator
{
    /// <summary>Sorts a return type into the shape whose wrapper the emitter writes.</summary>
    internal static class Shapes
    {
        /// <returns>The shape; <see langword="null"/> for a type that is an async stream but not <c>IAsyncEnumerable&lt;T&gt;</c> itself.</returns>
        public static ReturnShape? Classify(ITypeSymbol returnType, Compilation compilation)
        {
            if (returnType.SpecialType == SpecialType.System_Void)
            {
                return ReturnShape.Void;
            }

            if (returnType is not INamedTypeSymbol named)
            {
                return ReturnShape.Value;
            }

            var definition = named.OriginalDefinition;
            if (Is(definition, compilation, "System.Threading.Tasks.Task"))
            {
                return ReturnShape.Task;
            }

            if (Is(definition, compilation, "System.Threading.Tasks.Task`1"))
            {
                return ReturnShape.TaskOfT;
            }

            if (Is(definition, compilation, "System.Threading.Tasks.ValueTask"))
            {
                return ReturnShape.ValueTask;
            }

            if (Is(definition, compilation, "System.Threading.Tasks.ValueTask`1"))
            {
                return ReturnShape.ValueTaskOfT;
            }

            var asyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            if (asyncEnumerable is not null)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, asyncEnumerable))
                {
                    return ReturnShape.AsyncEnumerable;
                }

                if (named.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, asyncEnumerable)))
                {
                    return null;
                }
            }

            return ReturnShape.Value;
        }

        private static bool Is(INamedTypeSymbol definition, Compilation compilation, string metadataName) =>
            compilation.GetTypeByMetadataName(metadataName) is { } wellKnown
            && SymbolEqualityComparer.Default.Equals(definition, wellKnown);
    }
}

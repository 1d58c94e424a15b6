using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Monocle.Paygentic.Generators.Model;

/// <summary>
/// Where a diagnostic points, held as plain values: a <see cref="Location"/> keeps its syntax tree alive
/// and would defeat the pipeline's caching.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

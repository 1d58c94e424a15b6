using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>
/// Reads a billable-metric manifest from a built assembly (the generated <c>MonocleBillableMetrics.Json</c> constant,
/// read from metadata: the assembly is never loaded or run) or from a JSON file, in either of two shapes: the
/// generator's array of metrics, or the emulator's <c>{"metrics":[…]}</c>.
/// </summary>
internal static class ManifestReader
{
    public const string ManifestTypeName = "MonocleBillableMetrics";
    public const string ManifestFieldName = "Json";

    /// <summary>Reads the manifest of <paramref name="path"/>, an assembly or a JSON file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is neither an assembly with a manifest nor a manifest; the message says what to do.</exception>
    public static LoadedManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                Directory.Exists(path)
                    ? $"'{path}' is a folder; give the built assembly (bin/…/YourProject.dll) or a manifest JSON file."
                    : $"'{path}' does not exist; give the built assembly (bin/…/YourProject.dll) or a manifest JSON file.",
                path);
        }

        using var stream = File.OpenRead(path);
        return LooksLikeJson(stream) ? ReadJsonFile(path, stream) : ReadAssembly(path, stream);
    }

    /// <summary>Parses manifest JSON: an array of metrics (the generator's) or <c>{"metrics":[…]}</c> (the emulator's).</summary>
    /// <param name="json">The manifest text.</param>
    /// <param name="origin">Where the text came from, for messages.</param>
    /// <returns>The metrics and the shape that was read.</returns>
    /// <exception cref="InvalidDataException">Not a manifest; the message names the entry and field.</exception>
    public static (IReadOnlyList<ManifestMetric> Metrics, ManifestFormat Format) Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement entries;
            ManifestFormat format;
            string prefix;
            if (root.ValueKind == JsonValueKind.Array)
            {
                (entries, format, prefix) = (root, ManifestFormat.GeneratedArray, string.Empty);
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array)
            {
                (entries, format, prefix) = (metrics, ManifestFormat.EmulatorObject, "metrics");
            }
            else
            {
                throw new InvalidDataException(
                    $"{origin} is not a billable-metric manifest: expected an array of metrics (MonocleBillableMetrics.Json) or an object with a \"metrics\" array (the emulator's --manifest).");
            }

            var result = new List<ManifestMetric>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                result.Add(ParseEntry(entry, $"{origin}: {prefix}[{index++}]"));
            }

            if (result.Count == 0)
            {
                throw new InvalidDataException($"{origin} lists no metrics.");
            }

            return (result, format);
        }
    }

    private static LoadedManifest ReadJsonFile(string path, FileStream stream)
    {
        using var reader = new StreamReader(stream);
        var (metrics, format) = Parse(reader.ReadToEnd(), $"'{path}'");
        return new LoadedManifest(metrics, format == ManifestFormat.GeneratedArray
            ? $"{path} (JSON: an array of metrics, the shape of MonocleBillableMetrics.Json)"
            : $"{path} (JSON: {{\"metrics\":[…]}}, the emulator's --manifest shape)");
    }

    private static LoadedManifest ReadAssembly(string path, FileStream stream)
    {
        var notAnAssembly = $"'{path}' is not a .NET assembly or a manifest JSON file; give the built assembly (bin/…/YourProject.dll) or a manifest JSON file.";
        var found = new List<(string Namespace, string Json)>();
        try
        {
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new InvalidDataException(notAnAssembly + " (It is a native executable: it has no .NET metadata.)");
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (!metadata.StringComparer.Equals(type.Name, ManifestTypeName) || type.GetDeclaringType() is { IsNil: false })
                {
                    continue;
                }

                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    if (!metadata.StringComparer.Equals(field.Name, ManifestFieldName)
                        || (field.Attributes & FieldAttributes.Literal) == 0
                        || field.GetDefaultValue() is { IsNil: true })
                    {
                        continue;
                    }

                    var constant = metadata.GetConstant(field.GetDefaultValue());
                    if (constant.TypeCode == ConstantTypeCode.String)
                    {
                        var blob = metadata.GetBlobReader(constant.Value);
                        found.Add((metadata.GetString(type.Namespace), blob.ReadUTF16(blob.Length)));
                    }
                }
            }
        }
        catch (BadImageFormatException ex)
        {
            throw new InvalidDataException(notAnAssembly, ex);
        }

        if (found.Count == 0)
        {
            throw new InvalidDataException(
                $"'{path}' is a .NET assembly but has no billable-metric manifest (no {ManifestTypeName}.{ManifestFieldName} constant). " +
                "Does the project reference Monocle.Paygentic and have [BillableInference] methods? (Give the project's own built assembly, not a dependency.)");
        }

        var all = new List<ManifestMetric>();
        foreach (var (@namespace, json) in found)
        {
            all.AddRange(Parse(json, $"{path}: {@namespace}.{ManifestTypeName}.{ManifestFieldName}").Metrics);
        }

        var names = string.Join(", ", found.Select(f => $"{(f.Namespace.Length > 0 ? f.Namespace + "." : string.Empty)}{ManifestTypeName}.{ManifestFieldName}"));
        return new LoadedManifest(all, $"{path} (assembly: the generated {names})");
    }

    private static ManifestMetric ParseEntry(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where} must be an object.");
        }

        var eventType = Text(entry, "eventType", where) ?? throw new InvalidDataException($"{where}.eventType is required.");
        var aggregation = (Text(entry, "aggregation", where) ?? "SUM").ToUpperInvariant();
        var valueProperty = Text(entry, "valueProperty", where);
        var groupBy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (entry.TryGetProperty("groupBy", out var groups) && groups.ValueKind != JsonValueKind.Null)
        {
            if (groups.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{where}.groupBy must be an object of dimension → JSONPath, e.g. {{\"model\":\"$.model_name\"}}.");
            }

            foreach (var group in groups.EnumerateObject())
            {
                groupBy[group.Name] = group.Value.ValueKind == JsonValueKind.String
                    ? group.Value.GetString()!
                    : throw new InvalidDataException($"{where}.groupBy.{group.Name} must be a JSONPath string like $.model_name.");
            }
        }

        // Defaults as the emulator's manifest reader has them; the API requires a description, so one is made up.
        return new ManifestMetric(
            Text(entry, "name", where) ?? $"{eventType} tokens",
            Text(entry, "description", where) ?? $"{aggregation} of {valueProperty ?? "events"} over {eventType} events.",
            eventType,
            valueProperty,
            groupBy,
            aggregation,
            Text(entry, "unit", where) ?? "units");
    }

    private static string? Text(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{where}.{name} must be a non-empty string.");
    }

    private static bool LooksLikeJson(FileStream stream)
    {
        Span<byte> head = stackalloc byte[64];
        var read = stream.Read(head);
        stream.Position = 0;
        var bytes = head[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'[' or (byte)'{' or (byte)'/';
        }

        return false;
    }
}

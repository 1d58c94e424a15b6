using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monocle.Paygentic.Export;

/// <summary>
/// Source-generated System.Text.Json metadata for <see cref="PaygenticEvent"/>: no reflection, and
/// trimming/AOT safe. The value types listed are every shape a <see cref="PaygenticEvent.Data"/>
/// value takes after conversion.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PaygenticEvent))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(double[]))]
[JsonSerializable(typeof(bool[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PaygenticJsonContext : JsonSerializerContext;

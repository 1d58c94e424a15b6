using System.Text.Json.Serialization;

namespace Monocle.Paygentic.Delivery;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PartitionInfo))]
[JsonSerializable(typeof(DeadLetter))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext
{
}

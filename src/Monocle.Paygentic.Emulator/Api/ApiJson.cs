using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>The JSON settings of every API answer: camelCase, optional members left out when absent.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Text.Json;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Hosting;

namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>
/// <c>/_emulator/faults</c>: tests script faults over HTTP. <c>POST</c> replaces the random settings
/// and the script with the body's; <c>DELETE</c> clears both; <c>GET</c> shows them.
/// Body: <c>{"errorRate":0.1,"errorStatusCode":503,"tooManyRequestsRate":0.1,"retryAfterSeconds":2,
/// "dropRate":0.05,"latencyMs":100,"seed":42,"next":[{"action":"status","status":503,"count":3},
/// {"action":"drop"},{"action":"failStorage"},{"action":"dropAfterStore"},{"action":"pass","latencyMs":50}]}</c>.
/// </summary>
internal static class FaultsAdminEndpoints
{
    public static async Task<IResult> SetAsync(HttpContext http, EmulatorContext emulator)
    {
        var (fields, unreadable, document) = await RequestFields.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (fields is null)
        {
            return unreadable!;
        }

        using (document)
        {
            FaultSettings settings;
            List<(ScriptedFault Fault, int Count)> script;
            try
            {
                var root = document!.RootElement;
                settings = new FaultSettings
                {
                    ErrorRate = Number(root, "errorRate") ?? 0,
                    ErrorStatusCode = (int)(Number(root, "errorStatusCode") ?? 503),
                    TooManyRequestsRate = Number(root, "tooManyRequestsRate") ?? 0,
                    RetryAfter = TimeSpan.FromSeconds(Number(root, "retryAfterSeconds") ?? 1),
                    DropRate = Number(root, "dropRate") ?? 0,
                    Latency = TimeSpan.FromMilliseconds(Number(root, "latencyMs") ?? 0),
                    Seed = Number(root, "seed") is { } seed ? (int)seed : null,
                };
                settings.Validate();
                script = ReadScript(root);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                return ApiErrors.Validation([FieldError.Invalid("faults", ex.Message)]);
            }

            emulator.Faults.Reset();
            emulator.Faults.Configure(settings);
            foreach (var (fault, count) in script)
            {
                emulator.Faults.Enqueue(fault, count);
            }

            return Get(emulator);
        }
    }

    public static IResult Clear(EmulatorContext emulator)
    {
        emulator.Faults.Reset();
        return Get(emulator);
    }

    public static IResult Get(EmulatorContext emulator)
    {
        var settings = emulator.Faults.Settings;
        return Results.Json(
            new
            {
                errorRate = settings.ErrorRate,
                errorStatusCode = settings.ErrorStatusCode,
                tooManyRequestsRate = settings.TooManyRequestsRate,
                retryAfterSeconds = settings.RetryAfter.TotalSeconds,
                dropRate = settings.DropRate,
                latencyMs = settings.Latency.TotalMilliseconds,
                seed = settings.Seed,
                next = emulator.Faults.PendingScript.Select(f => new
                {
                    action = ActionName(f.Kind),
                    status = f.Kind == FaultKind.Status ? f.StatusCode : (int?)null,
                    retryAfterSeconds = f.RetryAfter?.TotalSeconds,
                    latencyMs = f.Latency.TotalMilliseconds,
                }),
            },
            ApiJson.Options);
    }

    private static List<(ScriptedFault, int)> ReadScript(JsonElement root)
    {
        var script = new List<(ScriptedFault, int)>();
        if (!root.TryGetProperty("next", out var next) || next.ValueKind == JsonValueKind.Null)
        {
            return script;
        }

        if (next.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'next' must be an array of scripted faults.");
        }

        foreach (var entry in next.EnumerateArray())
        {
            var hasStatus = Number(entry, "status") is not null;
            var action = entry.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : hasStatus ? "status" : null;
            var kind = action?.ToUpperInvariant() switch
            {
                "STATUS" => FaultKind.Status,
                "DROP" => FaultKind.Drop,
                "FAILSTORAGE" => FaultKind.FailStorage,
                "DROPAFTERSTORE" => FaultKind.DropAfterStore,
                "PASS" => FaultKind.Pass,
                _ => throw new FormatException($"Unknown fault action '{action}'; use status, drop, failStorage, dropAfterStore or pass."),
            };

            var status = (int)(Number(entry, "status") ?? 503);
            if (kind == FaultKind.Status && status is < 400 or > 599)
            {
                throw new FormatException("A scripted 'status' must be 4xx or 5xx.");
            }

            var retryAfter = Number(entry, "retryAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds)
                : status == 429 ? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
            var fault = new ScriptedFault(kind)
            {
                StatusCode = status,
                RetryAfter = retryAfter,
                Latency = TimeSpan.FromMilliseconds(Number(entry, "latencyMs") ?? 0),
            };
            var count = (int)(Number(entry, "count") ?? 1);
            if (count < 1)
            {
                throw new FormatException("'count' must be at least 1.");
            }

            script.Add((fault, count));
        }

        return script;
    }

    private static string ActionName(FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Drop => "drop",
        FaultKind.FailStorage => "failStorage",
        FaultKind.DropAfterStore => "dropAfterStore",
        _ => "pass",
    };

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"'{name}' must be a number.");
    }
}

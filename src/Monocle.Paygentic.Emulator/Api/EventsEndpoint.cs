using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Hosting;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>
/// <c>POST /v0/events</c>: 401/403 by key, 400 for a malformed event, 422 for a type no metric
/// has, else 202 with the event. A repeated <c>idempotencyKey</c> is answered 202 with the event
/// first stored under it (the API is fire-and-forget: it always answers 202) and is not stored again.
/// </summary>
internal static class EventsEndpoint
{
    /// <summary>Set on answers to a duplicate, so tests and humans can see dedupe at work.</summary>
    public const string DuplicateHeader = "X-Emulator-Duplicate";

    public static async Task<IResult> PostAsync(HttpContext http, EmulatorContext emulator)
    {
        var cancellationToken = http.RequestAborted;
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            emulator.Counters.Rejected();
            return refused;
        }

        var (fields, unreadable, document) = await RequestFields.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (fields is null)
        {
            emulator.Counters.Rejected();
            return unreadable!;
        }

        using (document)
        {
            var type = fields.String("type", required: true);
            var source = fields.String("source", required: true);
            var subject = fields.String("subject", required: true);
            var eventNamespace = fields.String("namespace", required: false);
            var timestamp = fields.DateTime("timestamp");
            var idempotencyKey = fields.String("idempotencyKey", required: false);
            var data = fields.Object("data", required: true);
            if (fields.Errors.Count > 0)
            {
                emulator.Counters.Rejected();
                return ApiErrors.Validation(fields.Errors);
            }

            if (!await emulator.Store.IsKnownEventTypeAsync(type!, cancellationToken).ConfigureAwait(false))
            {
                emulator.Counters.Rejected();
                EmulatorLog.UnknownEventType(emulator.Logger, type!);
                return ApiErrors.Error(
                    StatusCodes.Status422UnprocessableEntity,
                    "invalid_event_type",
                    $"No billable metric has eventType '{type}'. Create one (POST /v0/billableMetrics with \"eventType\": \"{type}\") before sending these events.",
                    "INVALID_EVENT_TYPE",
                    new Dictionary<string, object?> { ["type"] = type });
            }

            var now = emulator.Time.GetUtcNow();
            var candidate = new StoredEvent(
                IdGenerator.New("evt_", 20),
                idempotencyKey ?? IdGenerator.New("idem_", 24),
                type!,
                source!,
                subject!,
                eventNamespace ?? emulator.MerchantId,
                timestamp ?? now,
                data!.Value.GetRawText(),
                now);

            var fault = http.Items[FaultMiddleware.FaultItem] as ScriptedFault;
            StoredEvent stored;
            bool duplicate;
            try
            {
                (stored, duplicate) = await emulator.Store.AddEventAsync(candidate, fault?.Kind == FaultKind.FailStorage, cancellationToken).ConfigureAwait(false);
            }
            catch (EmulatedStorageFailureException ex)
            {
                return ApiErrors.Error(StatusCodes.Status500InternalServerError, "internal_server_error", ex.Message, "EMULATED_STORAGE_FAILURE");
            }

            if (duplicate)
            {
                emulator.Counters.Duplicate();
                EmulatorLog.Duplicate(emulator.Logger, stored.Id);
                http.Response.Headers[DuplicateHeader] = "true";
            }
            else
            {
                emulator.Counters.Stored();
                EmulatorLog.EventStored(emulator.Logger, stored.Id, stored.Type, stored.Subject);
            }

            if (fault?.Kind == FaultKind.DropAfterStore)
            {
                http.Abort();
                return Results.Empty;
            }

            return Results.Json(
                new EventResponse(stored.Id, "event", stored.Type, stored.Source, stored.Subject, stored.Namespace, Rfc3339.Format(stored.Timestamp), stored.IdempotencyKey),
                ApiJson.Options,
                statusCode: StatusCodes.Status202Accepted);
        }
    }

    /// <summary>The API's <c>EventResponse</c>.</summary>
    internal sealed record EventResponse(string Id, string Object, string Type, string Source, string Subject, string Namespace, string Timestamp, string IdempotencyKey);
}

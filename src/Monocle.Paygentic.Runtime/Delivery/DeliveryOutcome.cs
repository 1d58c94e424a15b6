using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Monocle.Paygentic.Delivery;

/// <summary>What the sender does with an event after one attempt to post it.</summary>
internal enum DeliveryAction
{
    /// <summary>2xx: remove it from the spool.</summary>
    Delivered,

    /// <summary>429, 5xx, timeout, network error: try again later, same idempotency key.</summary>
    Retry,

    /// <summary>401/403: keep it, pause all sending, probe until the key is accepted.</summary>
    PauseForAuthorization,

    /// <summary>422 <c>invalid_event_type</c>: dead-letter it and suppress its type for a while.</summary>
    RejectEventType,

    /// <summary>Any other 4xx: dead-letter it with the response.</summary>
    DeadLetter,
}

/// <summary>The classified answer to one post.</summary>
internal readonly record struct DeliveryOutcome(DeliveryAction Action, int? StatusCode, string? Response, TimeSpan? RetryAfter)
{
    public static DeliveryOutcome Failure(string reason) => new(DeliveryAction.Retry, null, reason, null);

    /// <summary>Classifies Paygentic's answer as the API documents it.</summary>
    public static DeliveryOutcome From(HttpStatusCode status, string body, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var code = (int)status;
        var action = code switch
        {
            >= 200 and < 300 => DeliveryAction.Delivered,
            429 or 408 or >= 500 => DeliveryAction.Retry,
            401 or 403 => DeliveryAction.PauseForAuthorization,
            422 when IsInvalidEventType(body) => DeliveryAction.RejectEventType,
            _ => DeliveryAction.DeadLetter,
        };
        return new DeliveryOutcome(action, code, action == DeliveryAction.Delivered ? null : body, RetryDelay(retryAfter, now));
    }

    private static TimeSpan? RetryDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }

    private static bool IsInvalidEventType(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (Is(document.RootElement, "error", "invalid_event_type") || Is(document.RootElement, "code", "INVALID_EVENT_TYPE"));
        }
        catch (JsonException)
        {
            return false;
        }

        static bool Is(JsonElement root, string property, string value) =>
            root.TryGetProperty(property, out var element)
            && element.ValueKind == JsonValueKind.String
            && string.Equals(element.GetString(), value, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Text.Json;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>Reads typed fields from a JSON request body, collecting a <see cref="FieldError"/> per bad field.</summary>
internal sealed class RequestFields(JsonElement body)
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public static async Task<(RequestFields? Fields, IResult? Error, JsonDocument? Document)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return (null, ApiErrors.Validation([FieldError.Invalid("body", "The body is not valid JSON: " + ex.Message)]), null);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, ApiErrors.Validation([new FieldError("body", "The body must be a JSON object.", "invalid_type")]), null);
        }

        return (new RequestFields(document.RootElement), null, document);
    }

    public string? String(string name, bool required, bool allowEmpty = false)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _errors.Add(FieldError.Required(name));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(FieldError.WrongType(name, "a string"));
            return null;
        }

        var text = value.GetString()!;
        if (!allowEmpty && text.Length == 0)
        {
            _errors.Add(required ? FieldError.Required(name) : FieldError.Invalid(name, $"'{name}' must not be empty."));
            return null;
        }

        return text;
    }

    public DateTimeOffset? DateTime(string name)
    {
        var text = String(name, required: false);
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var value))
        {
            return value;
        }

        _errors.Add(FieldError.Invalid(name, $"'{name}' must be an RFC 3339 date-time with an offset, e.g. 2025-06-15T10:00:00Z."));
        return null;
    }

    public JsonElement? Object(string name, bool required)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _errors.Add(FieldError.Required(name));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(FieldError.WrongType(name, "an object"));
            return null;
        }

        return value;
    }

    public void Add(FieldError error) => _errors.Add(error);
}

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>The API's two error bodies: <c>Error</c> and (for 400) <c>ValidationError</c>.</summary>
internal static class ApiErrors
{
    public static IResult Error(int statusCode, string error, string message, string? code = null, IReadOnlyDictionary<string, object?>? details = null) =>
        Results.Json(new ErrorBody(error, message, code, details), ApiJson.Options, statusCode: statusCode);

    public static IResult Validation(IReadOnlyList<FieldError> errors) =>
        Results.Json(new ValidationErrorBody("validation_error", "Validation failed: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors), ApiJson.Options, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "not_found", message);

    internal sealed record ErrorBody(string Error, string Message, string? Code, IReadOnlyDictionary<string, object?>? Details);

    internal sealed record ValidationErrorBody(string Error, string Message, IReadOnlyList<FieldError> Errors);
}

/// <summary>One entry of a <c>ValidationError</c>'s <c>errors</c>.</summary>
internal sealed record FieldError(string Field, string Message, string Code)
{
    public static FieldError Required(string field) => new(field, $"'{field}' is required.", "required");

    public static FieldError WrongType(string field, string expected) => new(field, $"'{field}' must be {expected}.", "invalid_type");

    public static FieldError Invalid(string field, string message) => new(field, message, "invalid_format");
}

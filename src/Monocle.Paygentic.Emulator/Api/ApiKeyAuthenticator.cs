namespace Monocle.Paygentic.Emulator.Api;

/// <summary>
/// Bearer-key checks as Paygentic makes them: no or malformed key → 401; a key of the other
/// environment → 403 that names the fix. Keys are compared, never logged or echoed.
/// </summary>
internal sealed class ApiKeyAuthenticator(PaygenticEnvironment environment, IReadOnlyCollection<string> acceptedKeys, ILogger logger)
{
    public const string SandboxPrefix = "sk_test_";
    public const string LivePrefix = "sk_live_";

    private readonly HashSet<string> _accepted = new(acceptedKeys, StringComparer.Ordinal);

    public static string PrefixOf(PaygenticEnvironment environment) => environment == PaygenticEnvironment.Sandbox ? SandboxPrefix : LivePrefix;

    /// <summary>Null when the request may proceed, else the 401/403 answer.</summary>
    public IResult? Check(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Unauthorized("Missing Authorization header. Send 'Authorization: Bearer <your Paygentic API key>'.");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <key>'.");
        }

        var key = header["Bearer ".Length..].Trim();
        var isSandboxKey = key.StartsWith(SandboxPrefix, StringComparison.Ordinal) && key.Length > SandboxPrefix.Length;
        var isLiveKey = key.StartsWith(LivePrefix, StringComparison.Ordinal) && key.Length > LivePrefix.Length;
        if (!isSandboxKey && !isLiveKey)
        {
            return Unauthorized($"Invalid API key: Paygentic keys start with {SandboxPrefix} (sandbox) or {LivePrefix} (live).");
        }

        var keyEnvironment = isSandboxKey ? PaygenticEnvironment.Sandbox : PaygenticEnvironment.Live;
        if (keyEnvironment != environment)
        {
            EmulatorLog.EnvironmentMismatch(logger, PrefixOf(keyEnvironment), environment);
            var message = environment == PaygenticEnvironment.Sandbox
                ? $"This is the sandbox environment and the request carries a live key ({LivePrefix}…). Use a sandbox key ({SandboxPrefix}…) here, or send live keys to the live API (unset PAYGENTIC_SANDBOX)."
                : $"This is the live environment and the request carries a sandbox key ({SandboxPrefix}…). Use a live key ({LivePrefix}…) here, or send sandbox keys to the sandbox API (set PAYGENTIC_SANDBOX=true).";
            return ApiErrors.Error(StatusCodes.Status403Forbidden, "forbidden", message, "ENVIRONMENT_MISMATCH");
        }

        if (_accepted.Count > 0 && !_accepted.Contains(key))
        {
            return Unauthorized("Invalid API key: this key is not one the emulator was configured to accept.");
        }

        return null;
    }

    private IResult Unauthorized(string message)
    {
        EmulatorLog.Unauthorized(logger, message);
        return ApiErrors.Error(StatusCodes.Status401Unauthorized, "unauthorized", message, "INVALID_API_KEY");
    }
}

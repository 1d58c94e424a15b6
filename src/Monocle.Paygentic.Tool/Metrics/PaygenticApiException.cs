using System.Net;

namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>The Paygentic API refused a request or answered something unreadable; the message says what to fix.</summary>
internal sealed class PaygenticApiException : Exception
{
    public PaygenticApiException()
    {
    }

    public PaygenticApiException(string message)
        : base(message)
    {
    }

    public PaygenticApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PaygenticApiException(string message, HttpStatusCode status, string body)
        : base(message)
    {
        Status = status;
        Body = body;
    }

    /// <summary>The status of the refusing answer, if there was one.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The body of the refusing answer (shortened), if there was one.</summary>
    public string? Body { get; }
}

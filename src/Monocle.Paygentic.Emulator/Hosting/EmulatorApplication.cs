using System.Net;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Pages;

namespace Monocle.Paygentic.Emulator.Hosting;

/// <summary>Builds the emulator's web application: Kestrel on loopback, the fault middleware, every route.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(PaygenticEmulatorOptions options, Func<ILogger, EmulatorContext> createContext)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);

        // Loopback only: the emulator accepts any well-formed key and has unauthenticated admin routes.
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var emulator = createContext(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monocle.Paygentic.Emulator"));
        app.UseMiddleware<FaultMiddleware>(emulator);

        app.MapPost("/v0/events", Handler(http => EventsEndpoint.PostAsync(http, emulator)));
        app.MapPost("/v0/billableMetrics", Handler(http => BillableMetricsEndpoints.CreateAsync(http, emulator)));
        app.MapGet("/v0/billableMetrics", Handler(http => BillableMetricsEndpoints.ListAsync(http, emulator)));
        app.MapGet("/v0/billableMetrics/{id}", (HttpContext http, string id) => BillableMetricsEndpoints.GetAsync(http, emulator, id));
        app.MapGet("/v0/billableMetrics/{id}/meter", (HttpContext http, string id) => BillableMetricsEndpoints.MeterAsync(http, emulator, id));
        app.MapGet("/v0/billableMetrics/{id}/events", (HttpContext http, string id) => BillableMetricsEndpoints.EventsAsync(http, emulator, id));

        app.MapGet("/", Handler(http => MetersPage.RenderAsync(http, emulator)));
        app.MapGet("/meters", Handler(http => MetersPage.RenderAsync(http, emulator)));

        app.MapGet("/_emulator/faults", () => FaultsAdminEndpoints.Get(emulator));
        app.MapPost("/_emulator/faults", Handler(http => FaultsAdminEndpoints.SetAsync(http, emulator)));
        app.MapDelete("/_emulator/faults", () => FaultsAdminEndpoints.Clear(emulator));
        app.MapGet("/_emulator/stats", Handler(async http => Results.Json(
            new { statistics = emulator.Counters.Snapshot(), storedEvents = await emulator.Store.CountEventsAsync(http.RequestAborted).ConfigureAwait(false) },
            ApiJson.Options)));
        app.MapGet("/_emulator/health", () => Results.Json(new { status = "ok", environment = emulator.Environment.ToString().ToLowerInvariant() }, ApiJson.Options));
        return app;
    }

    // A lambda taking only HttpContext would bind as a RequestDelegate and drop the IResult;
    // typed as Delegate it is a route handler whose result is written.
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;
}

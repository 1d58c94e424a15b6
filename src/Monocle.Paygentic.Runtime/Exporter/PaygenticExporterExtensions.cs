using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monocle.Paygentic;
using Monocle.Paygentic.Delivery;

namespace OpenTelemetry.Trace;

/// <summary>Adds the Paygentic exporter to an OpenTelemetry tracer provider.</summary>
public static class PaygenticExporterExtensions
{
    /// <summary>The configuration section the options are bound from: <c>Paygentic</c>.</summary>
    public const string ConfigurationSection = "Paygentic";

    /// <summary>
    /// Bills inference spans through Paygentic. Options come from the environment
    /// (<c>PAYGENTIC_*</c>), then the <c>Paygentic</c> section of <see cref="IConfiguration"/>, then
    /// <paramref name="configure"/>, each overriding the one before; reloaded options take effect for the
    /// API key at once. Billing does not depend on sampling: every billable call yields its event.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TracerProviderBuilder AddPaygenticExporter(this TracerProviderBuilder builder, Action<PaygenticExporterOptions>? configure = null) =>
        AddPaygenticExporter(builder, name: null, configure);

    /// <summary>
    /// Bills inference spans through an exporter you created (<c>new PaygenticExporter(options)</c>), so that
    /// you keep it: to read its <see cref="PaygenticExporter.Statistics"/> or await
    /// <see cref="PaygenticExporter.WaitForDeliveryAsync"/>. Billing does not depend on sampling. The tracer
    /// provider owns the exporter from then on: disposing the provider shuts it down.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="exporter">The exporter.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TracerProviderBuilder AddPaygenticExporter(this TracerProviderBuilder builder, PaygenticExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(exporter);
        builder.AddSource(MonocleTelemetry.ActivitySourceName);
        return builder.AddProcessor(new PaygenticBillingProcessor(exporter));
    }

    /// <summary>Bills inference spans through Paygentic, with named options (for several exporters).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The options name; <see langword="null"/> for the default.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TracerProviderBuilder AddPaygenticExporter(this TracerProviderBuilder builder, string? name, Action<PaygenticExporterOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var optionsName = name ?? Options.DefaultName;
        builder.ConfigureServices(services =>
        {
            services.AddOptions<PaygenticExporterOptions>(optionsName)
                .Configure<IServiceProvider>((options, provider) =>
                {
                    if (provider.GetService<IConfiguration>()?.GetSection(ConfigurationSection) is { } section && section.Exists())
                    {
                        PaygenticConfigurationBinder.Bind(section, options);
                    }
                });
            if (configure is not null)
            {
                services.Configure(optionsName, configure);
            }

            // Without a change token source IOptionsMonitor never reloads options bound by hand from IConfiguration.
            services.AddSingleton<IOptionsChangeTokenSource<PaygenticExporterOptions>>(provider =>
                new PaygenticConfigurationChangeTokenSource(optionsName, provider.GetService<IConfiguration>()));
        });

        builder.AddSource(MonocleTelemetry.ActivitySourceName);
        return builder.AddProcessor(provider =>
        {
            var monitor = provider.GetRequiredService<IOptionsMonitor<PaygenticExporterOptions>>();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Monocle.Paygentic.Exporter");
            var exporter = new PaygenticExporter(() => monitor.Get(optionsName), logger, handler: null);
            var reload = monitor.OnChange((_, name) =>
            {
                if (string.Equals(name ?? Options.DefaultName, optionsName, StringComparison.Ordinal))
                {
                    exporter.OptionsChanged();
                }
            });
            return new PaygenticBillingProcessor(exporter, reload);
        });
    }
}

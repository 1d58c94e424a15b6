namespace Monocle.Paygentic.Sample;

/// <summary>The outcome of <see cref="SampleApp.RunWorkloadAsync"/>.</summary>
/// <param name="Delivered">Whether every spooled event was delivered (or dead-lettered) in time.</param>
/// <param name="Statistics">The exporter's statistics after the wait.</param>
internal sealed record WorkloadResult(bool Delivered, PaygenticExporterStatistics Statistics);

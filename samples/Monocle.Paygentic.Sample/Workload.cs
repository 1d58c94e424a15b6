namespace Monocle.Paygentic.Sample;

/// <summary>A morning at the support desk: the same calls, in the same order, every run.</summary>
internal static class Workload
{
    /// <summary>The subscriptions and the customer the workload bills.</summary>
    public static IReadOnlyList<string> Subjects { get; } = ["sub_acme", "sub_globex", "sub_initech", "cus_umbrella"];

    /// <summary>The number of inference calls <see cref="RunAsync"/> makes, the unscoped one included.</summary>
    public const int InferenceCalls = 11;

    public static async Task RunAsync(SupportDesk desk, CancellationToken cancellationToken)
    {
        // First, the call nobody pays for (build warning MPG0001, dropped at run time as no_subject).
        await desk.WarmUpAsync(cancellationToken).ConfigureAwait(false);

        await desk.AnswerTicketAsync("sub_acme", "My invoice shows two charges for March, why is that?", cancellationToken).ConfigureAwait(false);
        await desk.AnswerTicketAsync("sub_acme", "How do I rotate the API key of our production project?", cancellationToken).ConfigureAwait(false);
        await desk.ChatLiveAsync("sub_acme", "Is the outage on the EU cluster resolved yet?", cancellationToken).ConfigureAwait(false);

        await desk.AnswerTicketAsync("sub_globex", "Can we export our usage as CSV every week?", cancellationToken).ConfigureAwait(false);
        await desk.TriageAsync("sub_globex", "Customer says the dashboard is slow since Monday and exports time out after a minute.", cancellationToken).ConfigureAwait(false);

        await desk.ChatLiveAsync("sub_initech", "Where do I change the billing email of my team?", cancellationToken).ConfigureAwait(false);
        await desk.TriageAsync("sub_initech", "Customer asks for a refund of the unused seats they bought by mistake last week.", cancellationToken).ConfigureAwait(false);

        await desk.MonthlyReportAsync("cus_umbrella", "42 tickets, 3 escalations, median first answer in 4 minutes, two outages.", cancellationToken).ConfigureAwait(false);
    }
}

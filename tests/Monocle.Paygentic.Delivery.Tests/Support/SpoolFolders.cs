namespace Monocle.Paygentic.Delivery.Tests.Support;

/// <summary>Counts spool files under a spool root, whatever partition holds them.</summary>
internal static class SpoolFolders
{
    public static int Pending(string root) => Count(root, "pending");

    public static int Dead(string root) => Count(root, "dead");

    private static int Count(string root, string folder) =>
        Directory.Exists(root)
            ? Directory.GetDirectories(root).Sum(p => Directory.Exists(Path.Combine(p, folder)) ? Directory.GetFiles(Path.Combine(p, folder), "*.json").Length : 0)
            : 0;
}

using System.Security.Cryptography;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>Ids in Paygentic's style: a type prefix and random alphanumerics (<c>bm_…</c>, <c>evt_…</c>).</summary>
internal static class IdGenerator
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New(string prefix, int length = 16) => prefix + RandomNumberGenerator.GetString(Alphabet, length);
}

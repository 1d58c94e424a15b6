namespace Monocle.Paygentic.Emulator;

/// <summary>
/// The Paygentic environment an emulator instance plays. Paygentic keeps sandbox and live apart:
/// a key of one environment is refused by the other, and the emulator reproduces that.
/// </summary>
public enum PaygenticEnvironment
{
    /// <summary>The sandbox (<c>api.sandbox.paygentic.io</c>); accepts <c>sk_test_</c> keys.</summary>
    Sandbox,

    /// <summary>The live environment (<c>api.paygentic.io</c>); accepts <c>sk_live_</c> keys.</summary>
    Live,
}

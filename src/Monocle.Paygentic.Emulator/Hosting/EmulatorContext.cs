using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Hosting;

/// <summary>What every endpoint of one emulator instance shares.</summary>
internal sealed record EmulatorContext(
    EmulatorStore Store,
    FaultInjector Faults,
    EmulatorCounters Counters,
    ApiKeyAuthenticator Authenticator,
    PaygenticEnvironment Environment,
    string MerchantId,
    string ProductId,
    TimeProvider Time,
    ILogger Logger);

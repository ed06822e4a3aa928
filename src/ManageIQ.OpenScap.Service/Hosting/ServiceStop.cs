namespace ManageIQ.OpenScap.Service.Hosting;

/// <summary>Why the service's work ended, for the verb's exit code.</summary>
public enum ServiceStop
{
    /// <summary>Still running, or stopped by the host (SIGTERM, Ctrl+C).</summary>
    Requested,

    /// <summary>A start gate refused the start (<see cref="BridgeServiceRunner.Refusal"/> says why).</summary>
    Refused,

    /// <summary>The single-active guard was lost: another replica may be active now.</summary>
    LeaseLost,
}

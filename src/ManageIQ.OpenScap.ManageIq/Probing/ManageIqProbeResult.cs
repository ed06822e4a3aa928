namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// What a probe of ManageIQ found: for the start-up log and a readiness endpoint. <see cref="Message"/> is one line
/// that says why the bridge may not start, or what it found when it may.
/// </summary>
public sealed record ManageIqProbeResult
{
    public required ManageIqProbeOutcome Outcome { get; init; }

    /// <summary>One line, no credential: the refusal, or what was found.</summary>
    public required string Message { get; init; }

    /// <summary>The capabilities the probe checked the features of.</summary>
    public required ManageIqCapabilities Capabilities { get; init; }

    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>The API version as ManageIQ reported it (<c>4.4.0-pre</c>); null when no entrypoint was read.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The appliance build, <c>server_info.version</c> (<c>jansa-4</c>, <c>master</c>), when reported.</summary>
    public string? ServerVersion { get; init; }

    /// <summary>The user, group, role and tenant the bridge acts as; null when no entrypoint was read.</summary>
    public ManageIqIdentity? Identity { get; init; }

    /// <summary>The calls the user may not make, each with the features that would allow it; on a ready result, those of the reported capabilities.</summary>
    public IReadOnlyList<ManageIqFeatureRequirement> MissingFeatures { get; init; } = [];

    public bool IsReady => Outcome == ManageIqProbeOutcome.Ready;

    /// <summary>Throws a <see cref="ManageIqProbeException"/> carrying <see cref="Message"/> unless <see cref="IsReady"/>.</summary>
    public ManageIqProbeResult EnsureReady() => IsReady ? this : throw new ManageIqProbeException(this);
}

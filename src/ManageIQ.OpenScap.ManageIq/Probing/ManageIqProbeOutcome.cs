namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>How a probe of ManageIQ ended; everything but <see cref="Ready"/> keeps the bridge from starting.</summary>
public enum ManageIqProbeOutcome
{
    /// <summary>The version is supported and the user has every feature the enabled capabilities need.</summary>
    Ready,

    /// <summary>The API version is below <see cref="SupportedManageIq.MinimumApiVersion"/>.</summary>
    UnsupportedVersion,

    /// <summary>The user lacks product features the enabled capabilities need.</summary>
    MissingFeatures,

    /// <summary>ManageIQ refused the credentials or the group (or another error of its own).</summary>
    Refused,

    /// <summary>No answer: the connection failed, or the probe's deadline passed.</summary>
    Unreachable,

    /// <summary>An answer that is not ManageIQ's entrypoint: not JSON, or JSON without the fields the probe reads.</summary>
    InvalidAnswer,
}

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>What one read-and-write of the Lease found.</summary>
internal enum LeaseAttemptKind
{
    /// <summary>Written with this replica as the holder: acquired or renewed.</summary>
    Held,

    /// <summary>Another replica holds it and has renewed within its lease duration.</summary>
    HeldByOther,

    /// <summary>Someone wrote the Lease between the read and the write (409): read it again next time.</summary>
    Conflict,

    /// <summary>This replica held it, and the Lease now says otherwise (another holder, released, deleted).</summary>
    Lost,
}

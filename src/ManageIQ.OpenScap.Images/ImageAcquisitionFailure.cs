namespace ManageIQ.OpenScap.Images;

/// <summary>What kind of failure stopped an acquisition.</summary>
public enum ImageAcquisitionFailure
{
    /// <summary>The request itself is wrong (bad path, insecure scheme not allowed, unreadable credentials file).</summary>
    InvalidRequest,

    /// <summary>The registry could not be reached or kept failing after retries.</summary>
    RegistryUnavailable,

    /// <summary>The registry refused the credentials, or none were given where needed.</summary>
    Unauthorized,

    /// <summary>The repository, tag, digest or blob does not exist.</summary>
    NotFound,

    /// <summary>The index has no manifest for the requested platform.</summary>
    PlatformNotFound,

    /// <summary>A manifest, index, configuration or archive index is malformed or of an unsupported type.</summary>
    InvalidManifest,

    /// <summary>Content did not match its digest, or ended early.</summary>
    DigestMismatch,

    /// <summary>A layer tried to reach outside the root, or is not a valid archive.</summary>
    UnsafeLayer,

    /// <summary>A configured limit (bytes, entries, compression ratio, layers) was exceeded.</summary>
    LimitExceeded,

    /// <summary>The pull policy is <c>never</c> and the image is not in the work directory.</summary>
    NotPresent,

    /// <summary>Writing to the work directory failed (disk full, permissions).</summary>
    Storage,
}

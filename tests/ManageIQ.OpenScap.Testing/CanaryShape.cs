namespace ManageIQ.OpenScap.Testing;

/// <summary>How a canary link leads out of the root.</summary>
public enum CanaryShape
{
    /// <summary>An absolute target: the host's path.</summary>
    Absolute,

    /// <summary>A relative target with more <c>..</c> than the root is deep.</summary>
    ExcessParents,

    /// <summary>A link to a link inside the image, whose last link leads out.</summary>
    Chain,

    /// <summary>A lower layer's harmless link, replaced by an upper layer's link that leads out.</summary>
    LowerLinkReplaced,

    /// <summary>A lower layer's regular file, replaced by an upper layer's link that leads out.</summary>
    LowerFileReplaced,
}

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// Whether to fetch the image again when the work directory already holds a complete unpack of it
/// (image-inspector's <c>--pull-policy</c>).
/// </summary>
public enum PullPolicy
{
    /// <summary>Reuse a complete unpack of the same source in the work directory; pull otherwise.</summary>
    IfNotPresent,

    /// <summary>Always pull and unpack afresh.</summary>
    Always,

    /// <summary>Never pull: fail unless the work directory already holds a complete unpack of the source.</summary>
    Never,
}

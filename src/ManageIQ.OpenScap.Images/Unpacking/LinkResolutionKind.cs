namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>How a link resolved when followed as if the root were <c>/</c>.</summary>
internal enum LinkResolutionKind
{
    /// <summary>It leads to an existing file or directory inside the root.</summary>
    Found,

    /// <summary>It leads nowhere (a missing name, or a name below a file): the path it would name, inside the root.</summary>
    Dangling,

    /// <summary>It leads back into itself (ELOOP).</summary>
    Loop,

    /// <summary>It needs more nested links than the kernel follows (ELOOP); not a property of the link alone, so never cached.</summary>
    TooDeep,
}

namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>The header tags the inventory reads (rpm's <c>rpmtag.h</c>).</summary>
internal enum RpmHeaderTag
{
    Name = 1000,
    Version = 1001,
    Release = 1002,
    Epoch = 1003,
    Arch = 1022,
    SourceRpm = 1044,
}

using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>One image of the hostile corpus and what acquiring it must lead to (the failure, and a part of its message).</summary>
internal sealed record HostileCase(
    string Name,
    BuiltImage Image,
    ImageAcquisitionFailure? ExpectedFailure,
    UnpackLimits? Limits = null,
    Action<string>? TamperLayout = null,
    Action<string>? CheckRoot = null,
    string? ExpectedMessage = null)
{
    public override string ToString() => Name;
}

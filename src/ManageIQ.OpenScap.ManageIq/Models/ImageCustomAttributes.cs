namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>One row of an image listing with <c>attributes=custom_attributes</c>: the image's id and its attributes.</summary>
public sealed record ImageCustomAttributes
{
    public long Id { get; init; }

    public IReadOnlyList<CustomAttribute> CustomAttributes { get; init; } = [];
}

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A container image with its custom attributes in all sections, as one read returned them.</summary>
public sealed record ContainerImageWithAttributes(ContainerImage Image, IReadOnlyList<CustomAttribute> CustomAttributes);

namespace ManageIQ.OpenScap.Testing;

/// <summary>One canary link of a <see cref="CanaryImage"/>: where it is, its shape, and whether it stands for a directory.</summary>
public sealed record CanaryPlacement(string Path, CanaryShape Shape, bool IsDirectory);

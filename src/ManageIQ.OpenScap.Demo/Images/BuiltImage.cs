namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>An image ready to push: its OCI layout, the copy of its package list, and whether this run built it.</summary>
public sealed record BuiltImage(DemoImageSpec Spec, string Layout, string DpkgStatusPath, int Packages, string DebianVersion, bool Reused, TimeSpan Took);

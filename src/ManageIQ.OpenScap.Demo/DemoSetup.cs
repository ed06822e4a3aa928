using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Demo.Images;

namespace ManageIQ.OpenScap.Demo;

/// <summary>What a demo run is made of: where it works, its images and how their roots are built, and the security suite its feed comes from.</summary>
public sealed record DemoSetup(DemoPaths Paths, IReadOnlyList<DemoImageSpec> Images, IRootFileSystemBuilder Roots, AptSource Security)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long the scans may take in all, after the service started.</summary>
    public TimeSpan ScanDeadline { get; init; } = TimeSpan.FromMinutes(60);
}

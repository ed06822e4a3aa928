namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>Makes an image's Debian root filesystem in an empty directory (mmdebstrap for the demo).</summary>
public interface IRootFileSystemBuilder
{
    /// <summary>What builds it, for people (e.g. <c>mmdebstrap --variant=minbase bookworm</c>).</summary>
    string Describe(DemoImageSpec spec);

    Task BuildAsync(DemoImageSpec spec, string root, CancellationToken cancellationToken);
}

namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>
/// The demo's two images, chosen for contrast: Debian 12 as its point release ships it, which lacks the security
/// updates published since, and the same with those updates and two more packages.
/// </summary>
public static class DemoImageSpecs
{
    public const string Release = "bookworm";
    public const string Security = "bookworm-security";

    public static DemoImageSpec PointRelease { get; } = new("demo/debian", "12", "Debian 12 minbase, the point release", [Release]);

    public static DemoImageSpec Updated { get; } = new("demo/debian-updated", "12", "Debian 12 minbase + bookworm-security + openssl, ca-certificates", [Release, Security])
    {
        Include = ["openssl", "ca-certificates"],
    };

    public static IReadOnlyList<DemoImageSpec> All { get; } = [PointRelease, Updated];
}

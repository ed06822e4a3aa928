namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>The content map used when configuration gives none.</summary>
public static class DefaultDistributionContent
{
    public static IReadOnlyList<string> SearchDirectories { get; } =
    [
        "/usr/local/share/xml/scap/ssg/content",
        "/usr/share/xml/scap/ssg/content",
    ];

    public static IReadOnlyList<DistributionContent> Distributions { get; } =
    [
        Entry("debian", "12", "standard", "ssg-debian12-ds.xml"),
        Entry("debian", "11", "standard", "ssg-debian11-ds.xml"),
        Entry("ubuntu", "20.04", "standard", "ssg-ubuntu2004-ds.xml"),
        Entry("ubuntu", "22.04", "standard", "ssg-ubuntu2204-ds.xml"),
        // UBI images report ID=rhel. RHEL 8 and 9 content has no "standard" profile.
        Entry("rhel", "7", "standard", "ssg-rhel7-ds.xml"),
        Entry("rhel", "8", "cis_server_l1", "ssg-rhel8-ds.xml"),
        Entry("rhel", "9", "cis_server_l1", "ssg-rhel9-ds.xml"),
        Entry("centos", "7", "standard", "ssg-centos7-ds.xml", "ssg-rhel7-ds.xml"),
        Entry("centos", "8", "cis_server_l1", "ssg-centos8-ds.xml", "ssg-rhel8-ds.xml"),
        Entry("centos", "9", "cis_server_l1", "ssg-cs9-ds.xml", "ssg-rhel9-ds.xml"),
    ];

    private static DistributionContent Entry(string id, string version, string profile, params string[] dataStreams) =>
        new() { Id = id, Versions = [version], Profile = profile, DataStreams = [.. dataStreams] };
}

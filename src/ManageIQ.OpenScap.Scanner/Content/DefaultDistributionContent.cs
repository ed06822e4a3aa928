namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>
/// The content map used when configuration gives none: os-release ID and VERSION_ID to the SCAP Security Guide data
/// stream (the first installed of those listed) and the distribution's CVE OVAL feed (docs/distributions.md). Where no
/// data stream is installed, the feed is evaluated alone. Every feed is bzip2, which the vendors serve to robots.
/// </summary>
public static class DefaultDistributionContent
{
    public static IReadOnlyList<string> SearchDirectories { get; } =
    [
        "/usr/local/share/xml/scap/ssg/content",
        "/usr/share/xml/scap/ssg/content",
    ];

    /// <summary>Red Hat's pointer to its newest VEX archive (<c>csaf_vex_YYYY-MM-DD.tar.zst</c>), which the archive is fetched through.</summary>
    public const string RedHatVex = "https://security.access.redhat.com/data/csaf/v2/vex/archive_latest.txt";

    public static IReadOnlyList<DistributionContent> Distributions { get; } =
    [
        // ssg-debian: debian12 from 0.1.76 (trixie) only; no Debian 13 data stream in any packaged version.
        Entry("debian", "13", "standard", "https://www.debian.org/security/oval/oval-definitions-trixie.xml.bz2"),
        Entry("debian", "12", "standard", "https://www.debian.org/security/oval/oval-definitions-bookworm.xml.bz2", "ssg-debian12-ds.xml"),
        Entry("debian", "11", "standard", "https://www.debian.org/security/oval/oval-definitions-bullseye.xml.bz2", "ssg-debian11-ds.xml"),

        // ssg-debderived: ubuntu2004 and ubuntu2204 in 0.1.65 and 0.1.76, ubuntu2404 in 0.1.76 (which has no "standard" profile).
        Entry("ubuntu", "20.04", "standard", "https://security-metadata.canonical.com/oval/com.ubuntu.focal.usn.oval.xml.bz2", "ssg-ubuntu2004-ds.xml"),
        Entry("ubuntu", "22.04", "standard", "https://security-metadata.canonical.com/oval/com.ubuntu.jammy.usn.oval.xml.bz2", "ssg-ubuntu2204-ds.xml"),
        Entry("ubuntu", "24.04", "cis_level1_server", "https://security-metadata.canonical.com/oval/com.ubuntu.noble.usn.oval.xml.bz2", "ssg-ubuntu2404-ds.xml"),

        // ssg-nondebian. UBI images report ID=rhel. RHEL 8 and 9 content has no "standard" profile. Red Hat's OVAL v2
        // (maintenance mode) replaces the dead v1 URL bookworm's data streams name; RHEL 10 has no OVAL: its CSAF VEX is
        // converted to OVAL per image (docs/vex.md); RHEL 8 and 9 can be switched to it with CveFeedFormat.
        Entry("rhel", "7", "standard", null, "ssg-rhel7-ds.xml"),
        Entry("rhel", "8", "cis_server_l1", "https://access.redhat.com/security/data/oval/v2/RHEL8/rhel-8.oval.xml.bz2", "ssg-rhel8-ds.xml"),
        Entry("rhel", "9", "cis_server_l1", "https://access.redhat.com/security/data/oval/v2/RHEL9/rhel-9.oval.xml.bz2", "ssg-rhel9-ds.xml"),
        Vex(Entry("rhel", "10", "cis_server_l1", RedHatVex, "ssg-rhel10-ds.xml")),
        Entry("centos", "7", "standard", null, "ssg-centos7-ds.xml", "ssg-rhel7-ds.xml"),
        Entry("centos", "8", "cis_server_l1", null, "ssg-centos8-ds.xml", "ssg-rhel8-ds.xml"),
        Entry("centos", "9", "cis_server_l1", null, "ssg-cs9-ds.xml", "ssg-rhel9-ds.xml"),

        // Oracle Linux: ol8, ol9 in 0.1.65 and 0.1.76 (no "cis"), ol10 in 0.1.76.
        Entry("ol", "8", "standard", "https://linux.oracle.com/security/oval/com.oracle.elsa-ol8.xml.bz2", "ssg-ol8-ds.xml"),
        Entry("ol", "9", "standard", "https://linux.oracle.com/security/oval/com.oracle.elsa-ol9.xml.bz2", "ssg-ol9-ds.xml"),
        Entry("ol", "10", "pci", "https://linux.oracle.com/security/oval/com.oracle.elsa-ol10.xml.bz2", "ssg-ol10-ds.xml"),

        // AlmaLinux: almalinux9 in 0.1.76 only; none for 8 or 10, which are scanned with the feed alone.
        Entry("almalinux", "8", "cis_server_l1", "https://security.almalinux.org/oval/org.almalinux.alsa-8.xml.bz2"),
        Entry("almalinux", "9", "cis_server_l1", "https://security.almalinux.org/oval/org.almalinux.alsa-9.xml.bz2", "ssg-almalinux9-ds.xml"),
        Entry("almalinux", "10", "cis_server_l1", "https://security.almalinux.org/oval/org.almalinux.alsa-10.xml.bz2"),

        // SUSE: sle15 in 0.1.65 and 0.1.76 (0.1.65 names the plain .xml feed; the -patch .bz2 is used instead).
        Entry("sles", "15", "standard", "https://ftp.suse.com/pub/projects/security/oval/suse.linux.enterprise.15-patch.xml.bz2", "ssg-sle15-ds.xml"),
    ];

    private static DistributionContent Vex(DistributionContent entry)
    {
        entry.CveFeedFormat = CveFeedFormat.CsafVex;
        return entry;
    }

    private static DistributionContent Entry(string id, string version, string profile, string? cveFeed, params string[] dataStreams) =>
        new() { Id = id, Versions = [version], Profile = profile, CveFeed = cveFeed, DataStreams = [.. dataStreams] };
}

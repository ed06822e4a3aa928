namespace ManageIQ.OpenScap.Vex.Tests;

/// <summary>The tests' products, with CPEs of the shapes Red Hat's VEX uses.</summary>
internal static class RhelProducts
{
    public const string Rhel10 = "BaseOS-10.0.Z";
    public const string Rhel10AppStream = "AppStream-10.0.Z";
    public const string Rhel10Unfixed = "red_hat_enterprise_linux_10";
    public const string Rhel9 = "AppStream-9.4.0.Z.MAIN";
    public const string Rhel9Eus = "AppStream-9.2.0.Z.EUS";
    public const string OpenShift = "openshift-4.16";

    public static Testing.CsafVexDocument Document(string cve, string severity = "Important") => new Testing.CsafVexDocument(cve, severity)
        .Product(Rhel10, "Red Hat Enterprise Linux BaseOS (v. 10)", "cpe:/o:redhat:enterprise_linux:10.0::baseos")
        .Product(Rhel10AppStream, "Red Hat Enterprise Linux AppStream (v. 10)", "cpe:2.3:a:redhat:enterprise_linux:10.0:*:appstream:*:*:*:*:*")
        .Product(Rhel10Unfixed, "Red Hat Enterprise Linux 10", "cpe:/o:redhat:enterprise_linux:10")
        .Product(Rhel9, "Red Hat Enterprise Linux AppStream (v. 9)", "cpe:/a:redhat:enterprise_linux:9::appstream")
        .Product(Rhel9Eus, "Red Hat Enterprise Linux AppStream EUS (v. 9.2)", "cpe:/a:redhat:rhel_eus:9.2::appstream")
        .Product(OpenShift, "Red Hat OpenShift Container Platform 4.16", "cpe:/a:redhat:openshift:4.16::el9");
}

namespace ManageIQ.OpenScap.Testing;

/// <summary>An operator's XCCDF 1.2 tailoring for containers: SSG's <c>standard</c> with one rule deselected.</summary>
public static class ContainerTailoring
{
    public const string Profile = "xccdf_org.example_profile_container";

    public static string Xml(string deselected, string benchmarkHref) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xccdf-1.2:Tailoring xmlns:xccdf-1.2="http://checklists.nist.gov/xccdf/1.2" id="xccdf_org.example_tailoring_container">
          <xccdf-1.2:benchmark href="{benchmarkHref}"/>
          <xccdf-1.2:version time="2026-12-01T00:00:00">1</xccdf-1.2:version>
          <xccdf-1.2:Profile id="{Profile}" extends="xccdf_org.ssgproject.content_profile_standard">
            <xccdf-1.2:title>Standard, for containers</xccdf-1.2:title>
            <xccdf-1.2:select idref="{deselected}" selected="false"/>
          </xccdf-1.2:Profile>
        </xccdf-1.2:Tailoring>
        """;
}

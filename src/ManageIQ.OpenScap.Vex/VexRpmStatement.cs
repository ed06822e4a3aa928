namespace ManageIQ.OpenScap.Vex;

/// <summary>One RPM component's status for one CVE on one RHEL major version, as a VEX document states it.</summary>
/// <param name="Cve">The CVE id (<c>vulnerabilities[].cve</c>).</param>
/// <param name="Major">The RHEL major version of the product the component belongs to (<c>9</c>, <c>10</c>).</param>
/// <param name="Status">Fixed or known affected.</param>
/// <param name="Name">The RPM name from the component's purl.</param>
/// <param name="IsSource">True for a source RPM (<c>arch=src</c>, and every unfixed component): it names the binaries built from it.</param>
/// <param name="FixedEvr">The fixed <c>epoch:version-release</c> (epoch 0 when the purl has none); null when known affected.</param>
/// <param name="Severity">Red Hat's impact word (<c>threats[category=impact]</c>, else the document's aggregate severity).</param>
/// <param name="Title">The vulnerability's summary note, else its title, else the document's title.</param>
public sealed record VexRpmStatement(string Cve, string Major, VexPackageStatus Status, string Name, bool IsSource, string? FixedEvr, string? Severity, string? Title);

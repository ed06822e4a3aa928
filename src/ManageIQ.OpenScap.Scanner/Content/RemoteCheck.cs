namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Check content a data stream fetches from the network (Debian's CVE OVAL feed in SSG's Debian content).</summary>
/// <param name="LocalName">The name oscap looks for in <c>--local-files</c>, e.g. <c>security-oval-oval-definitions-bookworm.xml.bz2</c>.</param>
/// <param name="Url">The URL the data stream references.</param>
/// <param name="RuleIds">The XCCDF rules whose checks use it (SSG: <c>security_patches_up_to_date</c>).</param>
/// <param name="AncestorGroupIds">The groups enclosing those rules, outermost first.</param>
public sealed record RemoteCheck(string LocalName, string Url, IReadOnlyList<string> RuleIds, IReadOnlyList<string> AncestorGroupIds);

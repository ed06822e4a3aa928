using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>
/// Writes an XCCDF tailoring file whose profile is the chosen profile plus the rules that evaluate the CVE
/// feed. SSG profiles such as Debian 12 <c>standard</c> leave <c>security_patches_up_to_date</c> unselected and
/// its group <c>updating</c> explicitly unselected. oscap 1.3.7 does not let a child profile (<c>extends</c>)
/// re-select them, so the profile's selections are copied, minus those that would hide the feed's rules.
/// </summary>
public static class CveTailoring
{
    private static readonly XNamespace Xccdf = "http://checklists.nist.gov/xccdf/1.2";
    private static readonly string[] ChildOrder = ["select", "set-complex-value", "set-value", "refine-value", "refine-rule"];

    /// <summary>
    /// Writes the tailoring file and returns the id of its profile. <paramref name="feedCounts"/> (how many of the
    /// feed's definitions a slimmed feed holds) goes into the profile's title, which oscap's HTML report shows.
    /// </summary>
    /// <exception cref="InvalidDataException">The profile is not in the data stream, or extends a missing one.</exception>
    public static string Write(DataStreamInfo dataStream, string profile, RemoteCheck check, string tailoringPath, TimeProvider timeProvider, string? feedCounts = null)
    {
        ArgumentNullException.ThrowIfNull(dataStream);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var baseId = dataStream.ResolveProfileId(profile)
            ?? throw new InvalidDataException($"The data stream {dataStream.Path} has no single profile matching '{profile}'.");
        var unselectable = new HashSet<string>(check.AncestorGroupIds.Concat(check.RuleIds), StringComparer.Ordinal);
        var children = new Dictionary<(string Kind, string Key), XElement>();
        foreach (var element in Chain(dataStream, baseId).SelectMany(p => p.Elements()))
        {
            var kind = element.Name.LocalName;
            if (!ChildOrder.Contains(kind) || (kind == "select" && unselectable.Contains((string?)element.Attribute("idref") ?? string.Empty)))
            {
                continue;
            }

            // Later (child) profiles override earlier (parent) ones for the same item.
            children[(kind, (string?)element.Attribute("idref") ?? element.ToString())] = new XElement(element);
        }

        var suffix = baseId[(baseId.IndexOf("_profile_", StringComparison.Ordinal) is var at and >= 0 ? at + "_profile_".Length : 0)..];
        var id = "xccdf_org.manageiq.openscap_profile_" + suffix + "_with_cve_feed";
        var title = (string?)dataStream.Profiles[baseId].Element(Xccdf + "title") ?? baseId;
        var profileElement = new XElement(
            Xccdf + "Profile",
            new XAttribute("id", id),
            new XElement(Xccdf + "title", title + " + CVE feed" + (feedCounts is null ? string.Empty : " (" + feedCounts + ")")),
            new XElement(Xccdf + "description", $"{baseId} with the rules that evaluate {check.LocalName} selected."),
            children.Where(c => c.Key.Kind == "select").Select(c => c.Value),
            check.RuleIds.Select(r => new XElement(Xccdf + "select", new XAttribute("idref", r), new XAttribute("selected", "true"))),
            ChildOrder.Skip(1).SelectMany(kind => children.Where(c => c.Key.Kind == kind).Select(c => c.Value)));
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Xccdf + "Tailoring",
                new XAttribute(XNamespace.Xmlns + "xccdf-1.2", Xccdf.NamespaceName),
                new XAttribute("id", "xccdf_org.manageiq.openscap_tailoring_cve_feed"),
                new XElement(Xccdf + "benchmark", new XAttribute("href", dataStream.Path)),
                new XElement(Xccdf + "version", new XAttribute("time", timeProvider.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)), "1"),
                profileElement));
        using var writer = XmlWriter.Create(tailoringPath, new XmlWriterSettings { Indent = true });
        document.Save(writer);
        return id;
    }

    private static List<XElement> Chain(DataStreamInfo dataStream, string profileId)
    {
        var chain = new List<XElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = profileId; id is not null; id = (string?)chain[^1].Attribute("extends"))
        {
            if (!seen.Add(id) || !dataStream.Profiles.TryGetValue(id, out var profile))
            {
                throw new InvalidDataException($"Profile {profileId} of {dataStream.Path} extends {id}, which is missing or circular.");
            }

            chain.Add(profile);
        }

        chain.Reverse();
        return chain;
    }
}

using System.Xml.Linq;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Content;

[CancelAfter(60_000)]
public class CveTailoringTests
{
    private static readonly XNamespace Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    [Test]
    public async Task Write_StandardProfile_SelectsTheFeedRuleAndDropsTheGroupUnselection()
    {
        using var directory = new TempDirectory();
        await using var services = ScannerServices.Build(directory);
        var info = await services.GetRequiredService<IDataStreamInspector>().InspectAsync(ScapContent.Debian12DataStream, CancellationToken.None);
        var path = directory.Combine("tailoring.xml");

        var id = CveTailoring.Write(info, "standard", info.RemoteChecks[0], path, TimeProvider.System);

        Assert.That(id, Is.EqualTo("xccdf_org.manageiq.openscap_profile_standard_with_cve_feed"));
        var profile = XDocument.Load(path).Root!.Element(Xccdf + "Profile")!;
        var selects = profile.Elements(Xccdf + "select").ToDictionary(e => (string)e.Attribute("idref")!, e => (string)e.Attribute("selected")!);
        Assert.That(selects["xccdf_org.ssgproject.content_rule_security_patches_up_to_date"], Is.EqualTo("true"));
        Assert.That(selects, Does.Not.ContainKey("xccdf_org.ssgproject.content_group_updating"));
        var standard = info.Profiles[info.ResolveProfileId("standard")!];
        Assert.That(selects, Has.Count.EqualTo(standard.Elements(Xccdf + "select").Count(e => (string)e.Attribute("idref")! != "xccdf_org.ssgproject.content_group_updating") + 1));
        Assert.That(profile.Elements(Xccdf + "refine-value").Count(), Is.EqualTo(standard.Elements(Xccdf + "refine-value").Count()));
    }

    [Test]
    public async Task Write_UnknownProfile_ThrowsInvalidData()
    {
        using var directory = new TempDirectory();
        await using var services = ScannerServices.Build(directory);
        var info = await services.GetRequiredService<IDataStreamInspector>().InspectAsync(ScapContent.Debian12DataStream, CancellationToken.None);
        Assert.That(() => CveTailoring.Write(info, "no_such", info.RemoteChecks[0], directory.Combine("t.xml"), TimeProvider.System), Throws.TypeOf<InvalidDataException>());
    }
}

using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Content;

[CancelAfter(60_000)]
public class DataStreamInspectorTests
{
    [Test]
    public async Task InspectAsync_Debian12DataStream_FindsTheRemoteCveFeedAndItsRule()
    {
        using var directory = new TempDirectory();
        await using var services = ScannerServices.Build(directory);
        var info = await services.GetRequiredService<IDataStreamInspector>().InspectAsync(ScapContent.Debian12DataStream, CancellationToken.None);

        var check = info.RemoteChecks.Single();
        Assert.That(check.LocalName, Is.EqualTo("security-oval-oval-definitions-bookworm.xml.bz2"));
        Assert.That(check.Url, Does.EndWith("/oval-definitions-bookworm.xml.bz2"));
        Assert.That(check.RuleIds, Is.EqualTo(new[] { "xccdf_org.ssgproject.content_rule_security_patches_up_to_date" }));
        Assert.That(check.AncestorGroupIds, Does.Contain("xccdf_org.ssgproject.content_group_updating"));
        Assert.That(info.ResolveProfileId("standard"), Is.EqualTo("xccdf_org.ssgproject.content_profile_standard"));
        Assert.That(info.Profiles, Has.Count.EqualTo(9));
    }

    [Test]
    public async Task InspectAsync_DocumentWithDtd_ThrowsInvalidDataWithoutResolvingIt()
    {
        using var directory = new TempDirectory();
        var hostile = directory.Combine("hostile-ds.xml");
        File.WriteAllText(hostile, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>\n");
        await using var services = ScannerServices.Build(directory);
        var inspector = services.GetRequiredService<IDataStreamInspector>();
        Assert.That(() => inspector.InspectAsync(hostile, CancellationToken.None), Throws.TypeOf<InvalidDataException>().With.Message.Contains("hostile-ds.xml"));
    }

    [Test]
    public async Task InspectAsync_MissingFile_ThrowsInvalidData()
    {
        using var directory = new TempDirectory();
        await using var services = ScannerServices.Build(directory);
        var inspector = services.GetRequiredService<IDataStreamInspector>();
        Assert.That(() => inspector.InspectAsync(directory.Combine("absent.xml"), CancellationToken.None), Throws.TypeOf<InvalidDataException>());
    }
}

using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Configuration;
using ManageIQ.OpenScap.Service.Discovery;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Tests;

[TestFixture]
public sealed class ImageExclusionsTests
{
    [TestCase("manageiq/openscap-inspector", true)]
    [TestCase("mirror/manageiq/openscap-inspector", true)]
    [TestCase("manageiq/openscap-inspector-other", false)]
    [TestCase("apps/web", false)]
    public void ByDefault_TheInspectorsOwnImageIsExcluded(string name, bool excluded)
    {
        var exclusions = new ImageExclusions(Options.Create(new ServiceOptions()));
        Assert.That(exclusions.ExcludedBy(new ContainerImage { Id = 1, Name = name }) is not null, Is.EqualTo(excluded));
    }

    [Test]
    public void Patterns_MatchTheRegistryQualifiedName()
    {
        var exclusions = new ImageExclusions(Options.Create(new ServiceOptions { Exclusions = new ExclusionOptions { ImageNames = ["quay.io/infra/*"] } }));
        var image = new ContainerImage { Id = 1, Name = "infra/agent", ContainerImageRegistry = new ContainerImageRegistry { Host = "quay.io" } };
        Assert.That(exclusions.ExcludedBy(image), Is.EqualTo("quay.io/infra/*"));
    }
}

using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq.Tests;

public sealed class ContainerImageReferenceTests
{
    [TestCase("docker-pullable://reg.example.test:5000/ns/app@sha256:ab", "reg.example.test", "5000", "ns/app", "1", "sha256:ab", "reg.example.test:5000/ns/app@sha256:ab")]
    [TestCase("docker://sha256:ab", "reg.example.test", "5000", "ns/app", "1", "sha256:ab", "reg.example.test:5000/ns/app:1@sha256:ab")]
    [TestCase("docker://sha256:ab", "reg.example.test", null, "ns/app", "1", "sha256:ab", "reg.example.test/ns/app:1@sha256:ab")]
    [TestCase("docker://sha256:ab", "reg.example.test", "", "ns/app", "1", null, "reg.example.test/ns/app:1")]
    [TestCase(null, null, null, "busybox", null, "sha256:ab", "busybox@sha256:ab")]
    [TestCase(null, null, null, "busybox", null, null, "busybox")]
    public void FullName_ImageParts_BuildsManageIqFullName(string? imageRef, string? host, string? port, string name, string? tag, string? digest, string expected)
    {
        var image = new ContainerImage
        {
            ImageRef = imageRef,
            Name = name,
            Tag = tag,
            Digest = digest,
            ContainerImageRegistry = host is null ? null : new ContainerImageRegistry { Host = host, Port = port },
        };
        Assert.That(ContainerImageReference.FullName(image), Is.EqualTo(expected));
        Assert.That(image.PullReference, Is.EqualTo(expected));
    }

    [TestCase("docker-pullable://r/a@sha256:1", "r/a@sha256:1")]
    [TestCase("docker://sha256:1", "sha256:1")]
    [TestCase("cri-o://abc", null)]
    [TestCase(null, null)]
    public void DockerId_ImageRef_StripsKnownPrefixes(string? imageRef, string? expected) =>
        Assert.That(ContainerImageReference.DockerId(imageRef), Is.EqualTo(expected));
}

namespace ManageIQ.OpenScap.Images.Tests;

public class ImageReferenceTests
{
    [TestCase("debian", "docker.io", "library/debian", "latest", null, "docker.io/library/debian:latest")]
    [TestCase("debian:12", "docker.io", "library/debian", "12", null, "docker.io/library/debian:12")]
    [TestCase("docker.io/debian", "docker.io", "library/debian", "latest", null, "docker.io/library/debian:latest")]
    [TestCase("index.docker.io/library/debian:12", "docker.io", "library/debian", "12", null, "docker.io/library/debian:12")]
    [TestCase("manageiq/manageiq:latest", "docker.io", "manageiq/manageiq", "latest", null, "docker.io/manageiq/manageiq:latest")]
    [TestCase("quay.io/centos/centos:stream9", "quay.io", "centos/centos", "stream9", null, "quay.io/centos/centos:stream9")]
    [TestCase("localhost/app", "localhost", "app", "latest", null, "localhost/app:latest")]
    [TestCase("127.0.0.1:5000/test/debian:12", "127.0.0.1:5000", "test/debian", "12", null, "127.0.0.1:5000/test/debian:12")]
    [TestCase("registry.example.com:8443/a/b/c:v1.2-rc_3", "registry.example.com:8443", "a/b/c", "v1.2-rc_3", null, "registry.example.com:8443/a/b/c:v1.2-rc_3")]
    [TestCase("debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "docker.io", "library/debian", null,
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "docker.io/library/debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("q.io/x:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "q.io", "x", "1",
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "q.io/x:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("my-registry:5000/ns/my.image__x", "my-registry:5000", "ns/my.image__x", "latest", null, "my-registry:5000/ns/my.image__x:latest")]
    public void Parse_ValidReference_AppliesDefaults(string text, string registry, string repository, string? tag, string? digest, string canonical)
    {
        var reference = ImageReference.Parse(text);

        Assert.That(reference.Registry, Is.EqualTo(registry));
        Assert.That(reference.Repository, Is.EqualTo(repository));
        Assert.That(reference.Tag, Is.EqualTo(tag));
        Assert.That(reference.Digest, Is.EqualTo(digest));
        Assert.That(reference.ToString(), Is.EqualTo(canonical));
        Assert.That(ImageReference.Parse(reference.ToString()), Is.EqualTo(reference));
    }

    [TestCase("")]
    [TestCase("Debian")]
    [TestCase("debian:")]
    [TestCase("debian:-bad")]
    [TestCase("a//b")]
    [TestCase("debian@sha256:abc")]
    [TestCase("debian@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("http://quay.io/x")]
    [TestCase("a b")]
    public void TryParse_InvalidReference_ReturnsFalse(string text)
    {
        Assert.That(ImageReference.TryParse(text, out var parsed), Is.False);
        Assert.That(parsed, Is.Null);
        Assert.That(() => ImageReference.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void ApiHost_DockerHub_IsRegistryOne()
    {
        Assert.That(ImageReference.Parse("debian").ApiHost, Is.EqualTo("registry-1.docker.io"));
        Assert.That(ImageReference.Parse("quay.io/a/b").ApiHost, Is.EqualTo("quay.io"));
    }

    [Test]
    public void ManifestReference_DigestPinned_PrefersDigest()
    {
        var reference = ImageReference.Parse("q.io/x:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

        Assert.That(reference.ManifestReference, Does.StartWith("sha256:"));
    }
}

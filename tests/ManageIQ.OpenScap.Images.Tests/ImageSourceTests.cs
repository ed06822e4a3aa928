namespace ManageIQ.OpenScap.Images.Tests;

public class ImageSourceTests
{
    [Test]
    public void Parse_OciWithTag_SplitsPathAndTag()
    {
        var source = ImageSource.Parse("oci:/var/tmp/layout:12");

        Assert.That(source.Kind, Is.EqualTo(ImageSourceKind.OciLayout));
        Assert.That(source.Path, Is.EqualTo("/var/tmp/layout"));
        Assert.That(source.Tag, Is.EqualTo("12"));
        Assert.That(source.ToString(), Is.EqualTo("oci:/var/tmp/layout:12"));
    }

    [Test]
    public void Parse_DockerArchive_HasPathOnly()
    {
        var source = ImageSource.Parse("docker-archive:/tmp/image.tar");

        Assert.That(source.Kind, Is.EqualTo(ImageSourceKind.DockerArchive));
        Assert.That(source.Path, Is.EqualTo("/tmp/image.tar"));
        Assert.That(source.Tag, Is.Null);
    }

    [TestCase("docker://quay.io/a/b:1", "quay.io/a/b:1")]
    [TestCase("debian:12", "docker.io/library/debian:12")]
    public void Parse_RegistryForms_GiveReference(string text, string canonical)
    {
        var source = ImageSource.Parse(text);

        Assert.That(source.Kind, Is.EqualTo(ImageSourceKind.Registry));
        Assert.That(source.Reference!.ToString(), Is.EqualTo(canonical));
    }

    [TestCase("oci:")]
    [TestCase("docker-archive:")]
    [TestCase("NOT A REF")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.That(() => ImageSource.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [TestCase("linux/amd64", "linux", "amd64", null)]
    [TestCase("linux/arm64/v8", "linux", "arm64", "v8")]
    [TestCase("Linux/ARM/v7", "linux", "arm", "v7")]
    public void PlatformParse_Valid_Splits(string text, string os, string architecture, string? variant)
    {
        Assert.That(ImagePlatform.Parse(text), Is.EqualTo(new ImagePlatform(os, architecture, variant)));
    }

    [TestCase("amd64")]
    [TestCase("linux/")]
    [TestCase("a/b/c/d")]
    public void PlatformParse_Invalid_Throws(string text)
    {
        Assert.That(() => ImagePlatform.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [TestCase("always", PullPolicy.Always)]
    [TestCase("never", PullPolicy.Never)]
    [TestCase("if-not-present", PullPolicy.IfNotPresent)]
    [TestCase("when-missing", PullPolicy.IfNotPresent)]
    public void PullPolicyParse_KnownNames_Map(string text, PullPolicy expected)
    {
        Assert.That(PullPolicyNames.Parse(text), Is.EqualTo(expected));
    }

    [Test]
    public void PullPolicyParse_Unknown_Throws()
    {
        Assert.That(() => PullPolicyNames.Parse("sometimes"), Throws.InstanceOf<FormatException>().With.Message.Contains("sometimes"));
    }
}

using System.Text;
using ManageIQ.OpenScap.Images.Credentials;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Credentials;

public class DockerConfigReaderTests
{
    [TestCase("quay.io", "quay.io/a/b", true)]
    [TestCase("https://quay.io", "quay.io/a/b", true)]
    [TestCase("quay.io/a", "quay.io/a/b", true)]
    [TestCase("quay.io/other", "quay.io/a/b", false)]
    [TestCase("https://index.docker.io/v1/", "debian", true)]
    [TestCase("docker.io", "library/debian", true)]
    [TestCase("*.example.com", "r.example.com/x", true)]
    [TestCase("*.example.com", "example.com/x", false)]
    [TestCase("registry:5000", "registry:5000/x", true)]
    [TestCase("registry:5000", "registry:5001/x", false)]
    [TestCase("quay.io", "debian", false)]
    public void Match_Keys_AsKubeletMatchesThem(string key, string image, bool applies)
    {
        Assert.That(DockerConfigReader.Match(key, ImageReference.Parse(image)) >= 0, Is.EqualTo(applies));
    }

    [Test]
    public void Read_ConfigJson_MostSpecificFirstAndUsernamePasswordForm()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("config.json");
        var broad = Convert.ToBase64String(Encoding.UTF8.GetBytes("broad:p1"));
        File.WriteAllText(path, $"{{\"auths\":{{\"quay.io\":{{\"auth\":\"{broad}\"}},\"quay.io/team\":{{\"username\":\"narrow\",\"password\":\"p:2\"}}}}}}");

        var credentials = DockerConfigReader.Read(path, ImageReference.Parse("quay.io/team/app"));

        Assert.That(string.Join(',', credentials.Select(c => c.Username)), Is.EqualTo("narrow,broad"));
        Assert.That(credentials[0].Password, Is.EqualTo("p:2"));
        Assert.That(credentials[0].ToString(), Does.Not.Contain("p:2"));
    }

    [Test]
    public void Read_BadBase64_ThrowsNamingTheEntryNotTheValue()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine(".dockercfg");
        File.WriteAllText(path, "{\"quay.io\":{\"auth\":\"%%%secret%%%\"}}");

        Assert.That(() => DockerConfigReader.Read(path, ImageReference.Parse("quay.io/a")),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("quay.io").And.Message.Not.Contains("secret"));
    }
}

using ManageIQ.OpenScap.Images.Registry;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>The one host-and-port rule of <c>--insecure-registry</c>.</summary>
public class InsecureRegistriesTests
{
    [TestCase("registry.local:5000", "https://registry.local:5000/v2/", true)]
    [TestCase("registry.local:5000", "http://registry.local:5000/v2/", true)]
    [TestCase("registry.local:5000", "https://registry.local:5001/v2/", false)]
    [TestCase("registry.local:5000", "https://registry.local/v2/", false)]
    [TestCase("registry.local", "https://registry.local/v2/", true)]
    [TestCase("registry.local", "https://registry.local:443/v2/", true)]
    [TestCase("registry.local", "https://registry.local:5000/v2/", false)]
    [TestCase("registry.local:443", "https://registry.local/v2/", true)]
    [TestCase("http://registry.local:5000/", "https://REGISTRY.local:5000/", true)]
    [TestCase("[::1]:5000", "https://[::1]:5000/", true)]
    [TestCase("[::1]:5000", "https://[::1]:5001/", false)]
    public void Find_Uri_MatchesHostAndPort(string entry, string uri, bool expected)
    {
        var registries = new InsecureRegistries([entry]);

        Assert.That(registries.Find(new Uri(uri)) is not null, Is.EqualTo(expected));
    }

    [TestCase("registry.local:5000", "registry.local:5000", true)]
    [TestCase("registry.local:5000", "registry.local", false)]
    [TestCase("registry.local", "registry.local:5000", false)]
    [TestCase("registry.local", "registry.local", true)]
    public void Find_RegistryAsReferencesWriteIt_MatchesHostAndPort(string entry, string registry, bool expected)
    {
        var registries = new InsecureRegistries([entry]);

        Assert.That(registries.Find(registry) is not null, Is.EqualTo(expected));
    }

    [Test]
    public void Find_HttpEntry_IsPlainHttpOnly()
    {
        var registries = new InsecureRegistries(["http://registry.local:5000", "other.local:5000"]);

        Assert.That(registries.Find("registry.local:5000")!.PlainHttpOnly, Is.True);
        Assert.That(registries.Find("other.local:5000")!.PlainHttpOnly, Is.False);
    }

    [TestCase("")]
    [TestCase("registry.local/path")]
    [TestCase("user@registry.local")]
    [TestCase("registry.local:notaport")]
    public void Constructor_MalformedEntry_ThrowsNamingIt(string entry)
    {
        Assert.That(() => new InsecureRegistries([entry]), Throws.InstanceOf<FormatException>().With.Message.Contain($"'{entry}'"));
    }
}

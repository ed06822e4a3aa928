using ManageIQ.OpenScap.Images.Registry;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>Which token realms a registry's credentials may be sent to.</summary>
public class TokenRealmPolicyTests
{
    [TestCase("debian:12", "https://auth.docker.io/token", true)]
    [TestCase("registry-1.docker.io/library/debian:12", "https://auth.docker.io/token", true)]
    [TestCase("quay.io/org/app:1", "https://quay.io/v2/auth", true)]
    [TestCase("registry.example.com:5000/app:1", "https://registry.example.com/token", true)]
    [TestCase("registry.example.com:5000/app:1", "https://registry.example.com:5001/token", true)]
    [TestCase("registry.example.com/app:1", "https://auth.docker.io/token", false)]
    [TestCase("registry.example.com/app:1", "https://collector.example.net/token", false)]
    [TestCase("quay.io/org/app:1", "https://auth.docker.io/token", false)]
    [TestCase("debian:12", "https://quay.io/v2/auth", false)]
    public void MaySendCredentials_BuiltIn_AllowsOwnHostAndWellKnownPairs(string reference, string realm, bool expected)
    {
        var policy = new TokenRealmPolicy([]);

        Assert.That(policy.MaySendCredentials(ImageReference.Parse(reference), new Uri(realm)), Is.EqualTo(expected));
    }

    [TestCase("registry.example.com", "registry.example.com:5000/app:1", true)]
    [TestCase("registry.example.com:5000", "registry.example.com:5000/app:1", true)]
    [TestCase("registry.example.com:5000", "registry.example.com:5001/app:1", false)]
    [TestCase("other.example.com", "registry.example.com/app:1", false)]
    public void MaySendCredentials_ConfiguredAuthServer_AppliesToItsRegistry(string registry, string reference, bool expected)
    {
        var policy = new TokenRealmPolicy([new RegistryAuthServer { Registry = registry, AuthHost = "sso.example.com" }]);

        Assert.That(policy.MaySendCredentials(ImageReference.Parse(reference), new Uri("https://sso.example.com:8443/auth/token")), Is.EqualTo(expected));
    }
}

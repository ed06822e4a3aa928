using ManageIQ.OpenScap.Images.Registry;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

public class AuthChallengeTests
{
    [Test]
    public void ParseParameters_QuotedCommas_StayInValue()
    {
        var parameters = AuthChallenge.ParseParameters("realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\"");

        Assert.That(parameters["realm"], Is.EqualTo("https://auth.example.com/token"));
        Assert.That(parameters["service"], Is.EqualTo("registry.example.com"));
        Assert.That(parameters["scope"], Is.EqualTo("repository:a/b:pull,push"));
    }

    [Test]
    public void ParseParameters_BareTokens_Parsed()
    {
        var parameters = AuthChallenge.ParseParameters("realm=x, error=insufficient_scope");

        Assert.That(parameters["realm"], Is.EqualTo("x"));
        Assert.That(parameters["error"], Is.EqualTo("insufficient_scope"));
    }
}

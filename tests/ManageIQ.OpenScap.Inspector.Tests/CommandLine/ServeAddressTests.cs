using ManageIQ.OpenScap.Inspector.CommandLine;

namespace ManageIQ.OpenScap.Inspector.Tests.CommandLine;

public class ServeAddressTests
{
    [TestCase("0.0.0.0:8080", "0.0.0.0:8080")]
    [TestCase(":8080", "0.0.0.0:8080")]
    [TestCase("127.0.0.1:0", "127.0.0.1:0")]
    [TestCase("localhost:9000", "127.0.0.1:9000")]
    [TestCase("[::]:8080", "[::]:8080")]
    public void Parse_HostPort_IsUnderstood(string text, string expected)
    {
        Assert.That(ServeAddress.Parse(text).ToString(), Is.EqualTo(expected));
    }

    [TestCase("8080")]
    [TestCase("host.example:8080")]
    [TestCase("0.0.0.0:99999")]
    [TestCase("0.0.0.0:-1")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.That(() => ServeAddress.Parse(text), Throws.TypeOf<FormatException>());
    }
}

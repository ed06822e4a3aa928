using ManageIQ.OpenScap.Scanner.Oscap;

namespace ManageIQ.OpenScap.Scanner.Tests.Oscap;

public class OscapStandardErrorTests
{
    private const string Sample =
        "W: oscap: Requested offline mode is not supported by sysctl probe.\n" +
        "E: oscap: dpkginfo_init has failed.\n" +
        "OpenSCAP Error: No profile matching suffix \"nosuch\" was found. [xccdf_session.c:1]\n" +
        "E: oscap: dpkginfo_init has failed.\n";

    [Test]
    public void ErrorLines_MixedOutput_KeepsDistinctErrorLinesOnly()
    {
        Assert.That(OscapStandardError.ErrorLines(Sample), Is.EqualTo(new[]
        {
            "E: oscap: dpkginfo_init has failed.",
            "OpenSCAP Error: No profile matching suffix \"nosuch\" was found. [xccdf_session.c:1]",
        }));
    }

    [Test]
    public void Describe_NoErrorPrefix_UsesTheFirstLinesThatAreNotWarnings()
    {
        const string standardError = "WARNING: Skipping remote file\nNo profile matching suffix \"x\" was found. Get available profiles using:\n$ oscap info ds.xml\n";
        Assert.That(OscapStandardError.Describe(standardError), Is.EqualTo("No profile matching suffix \"x\" was found. Get available profiles using:; $ oscap info ds.xml"));
    }

    [TestCase("E: oscap: dpkginfo_init has failed.\n", true)]
    [TestCase("W: oscap: Requested offline mode is not supported by sysctl probe.\n", false)]
    public void HasDpkginfoFailure_StandardError_DetectsTheProbeFailure(string standardError, bool expected)
    {
        Assert.That(OscapStandardError.HasDpkginfoFailure(standardError), Is.EqualTo(expected));
    }
}

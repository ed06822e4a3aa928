using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Tests.Scanning;

/// <summary>The one wording of the slimmed feed's counts, with and without definitions left out.</summary>
public sealed class CveFeedDefinitionsTests
{
    [TestCase(600, 30000, "600 of 30000 feed definitions evaluated: the other 29400 name only packages the image does not have, so they could not be true.")]
    [TestCase(20, 20, "20 of 20 feed definitions evaluated: each could be true for the image's packages.")]
    public void Note_SaysHowManyWereEvaluatedAndWhyTheRestWereNot(int evaluated, int total, string expected) =>
        Assert.That(new CveFeedDefinitions(evaluated, total).Note, Is.EqualTo(expected));
}

using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Tests.Reading;

public sealed class SeveritiesTests
{
    [TestCase("high", ScapSeverity.High)]
    [TestCase("medium", ScapSeverity.Medium)]
    [TestCase(" low ", ScapSeverity.Low)]
    [TestCase("info", ScapSeverity.Info)]
    [TestCase("unknown", ScapSeverity.Unknown)]
    [TestCase("HIGH", ScapSeverity.Unknown)]
    [TestCase("critical", ScapSeverity.Unknown)]
    [TestCase("", ScapSeverity.Unknown)]
    [TestCase(null, ScapSeverity.Unknown)]
    public void ParseXccdf_Word_GivesSeverity(string? word, ScapSeverity expected) =>
        Assert.That(Severities.ParseXccdf(word), Is.EqualTo(expected));

    [TestCase("Critical", ScapSeverity.High)]
    [TestCase("Important", ScapSeverity.High)]
    [TestCase("High", ScapSeverity.High)]
    [TestCase("Moderate", ScapSeverity.Medium)]
    [TestCase("medium", ScapSeverity.Medium)]
    [TestCase("Low", ScapSeverity.Low)]
    [TestCase("Negligible", ScapSeverity.Info)]
    [TestCase("Untriaged", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void ParseAdvisory_FeedWord_MapsLikeOvalToXccdf(string? word, ScapSeverity? expected) =>
        Assert.That(Severities.ParseAdvisory(word), Is.EqualTo(expected));
}

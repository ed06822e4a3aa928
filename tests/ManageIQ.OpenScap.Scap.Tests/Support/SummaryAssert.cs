namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>Compares the streaming summary with the independent count of the same document.</summary>
public static class SummaryAssert
{
    public static void MatchesIndependentCount(ScapSummary summary, byte[] document)
    {
        var expected = IndependentSummary.Of(document);
        var severities = summary.FailedBySeverity;
        Assert.Multiple(() =>
        {
            Assert.That(summary.Kind.ToString().ToLowerInvariant(), Is.EqualTo(expected.Kind), "kind");
            Assert.That(summary.RuleResults, Is.EqualTo(expected.RuleResults), "ruleResults");
            Assert.That(summary.Results, Is.EquivalentTo(expected.Results), "results");
            Assert.That(summary.FailedRules, Has.Count.EqualTo(expected.FailedCount), "failedRules");
            Assert.That(
                new Dictionary<string, int> { ["high"] = severities.High, ["medium"] = severities.Medium, ["low"] = severities.Low, ["info"] = severities.Info, ["unknown"] = severities.Unknown },
                Is.EquivalentTo(expected.FailedBySeverity),
                "failedBySeverity");
            Assert.That(summary.Cves.ToDictionary(c => c.Id, c => c.Severity.ToString().ToLowerInvariant()), Is.EquivalentTo(expected.Cves), "cves");
            Assert.That(summary.Benchmark?.Id, Is.EqualTo(expected.BenchmarkId), "benchmark id");
            Assert.That(summary.Benchmark?.Version, Is.EqualTo(expected.BenchmarkVersion), "benchmark version");
            Assert.That(summary.Profile?.Id, Is.EqualTo(expected.ProfileId), "profile id");
            Assert.That(summary.Profile?.Title, Is.EqualTo(expected.ProfileTitle), "profile title");
            Assert.That(summary.Target, Is.EqualTo(expected.Target), "target");
            Assert.That(summary.TargetFacts, Has.Count.EqualTo(expected.TargetFacts), "target facts");
            Assert.That(summary.Scores, Has.Count.EqualTo(expected.Scores), "scores");
        });
    }
}

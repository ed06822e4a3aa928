namespace ManageIQ.OpenScap.Publishing.Tests;

public sealed class ComplianceOptionsValidatorTests
{
    [Test]
    public void Validator_AnUndefinedNumber_NamesTheKeyAndTheValues()
    {
        var result = new ComplianceOptionsValidator().Validate(null, new ComplianceOptions { MinCveSeverity = (ComplianceSeverityFloor)7 });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Is.EqualTo("Bridge:Compliance:MinCveSeverity is '7'; use high, medium, low, info, any."));
        Assert.That(new ComplianceOptionsValidator().Validate(null, new ComplianceOptions { MinCveSeverity = ComplianceSeverityFloor.Any }).Succeeded, Is.True);
    }

    [TestCase(-1, 0, "Bridge:Compliance:MaxFailedRules is -1; use 0 to 100000.")]
    [TestCase(0, 100_001, "Bridge:Compliance:MaxVulnerableCves is 100001; use 0 to 100000.")]
    public void Validator_ALimitOutOfRange_NamesTheKey(int rules, int cves, string expected)
    {
        var result = new ComplianceOptionsValidator().Validate(null, new ComplianceOptions { MaxFailedRules = rules, MaxVulnerableCves = cves });

        Assert.That(result.FailureMessage, Is.EqualTo(expected));
    }

    [Test]
    public void Defaults_AreAnyHighRuleOrAnyHighCve()
    {
        var options = new ComplianceOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.MinRuleSeverity, Is.EqualTo(ComplianceSeverityFloor.High));
            Assert.That(options.MaxFailedRules, Is.Zero);
            Assert.That(options.CountCves, Is.True);
            Assert.That(options.MinCveSeverity, Is.EqualTo(ComplianceSeverityFloor.High));
            Assert.That(options.MaxVulnerableCves, Is.Zero);
        });
    }
}

using ManageIQ.OpenScap.Analysis.Configuration;

namespace ManageIQ.OpenScap.Analysis.Tests;

/// <summary>The <c>Bridge</c> analysis keys refused at start, each error naming its key.</summary>
public sealed class AnalysisOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Pass() =>
        Assert.That(new AnalysisOptionsValidator().Validate(null, new AnalysisOptions()).Succeeded, Is.True);

    [TestCase("Backend", "Bridge:Backend is 'docker'")]
    [TestCase("ResultsDirectory", "Bridge:ResultsDirectory must be an absolute path")]
    [TestCase("PublicUrl:ftp", "Bridge:PublicUrl must be an absolute http(s) address")]
    [TestCase("PublicUrl:credentials", "Bridge:PublicUrl must be an absolute http(s) address")]
    [TestCase("PublicUrl:query", "Bridge:PublicUrl must be an absolute http(s) address")]
    [TestCase("MaxAge", "Bridge:Results:MaxAge must be a positive duration")]
    [TestCase("MaxTotalBytes", "Bridge:Results:MaxTotalBytes must be at least 1048576")]
    public void Validate_BadValue_NamesTheKey(string what, string message)
    {
        var options = new AnalysisOptions();
        switch (what)
        {
            case "Backend": options.Backend = "docker"; break;
            case "ResultsDirectory": options.ResultsDirectory = "results"; break;
            case "PublicUrl:ftp": options.PublicUrl = new Uri("ftp://bridge.example/"); break;
            case "PublicUrl:credentials": options.PublicUrl = new Uri("https://user:secret@bridge.example/"); break;
            case "PublicUrl:query": options.PublicUrl = new Uri("https://bridge.example/?a=1"); break;
            case "MaxAge": options.Results.MaxAge = TimeSpan.Zero; break;
            default: options.Results.MaxTotalBytes = 10; break;
        }

        var result = new AnalysisOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(message));
    }

    [Test]
    public void ResolveResultsDirectory_Unset_IsUnderTheStateDirectory() =>
        Assert.That(new AnalysisOptions().ResolveResultsDirectory("/var/lib/bridge"), Is.EqualTo("/var/lib/bridge/results"));
}

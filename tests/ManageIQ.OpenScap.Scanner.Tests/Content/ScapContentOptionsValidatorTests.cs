using ManageIQ.OpenScap.Scanner.Content;

namespace ManageIQ.OpenScap.Scanner.Tests.Content;

public class ScapContentOptionsValidatorTests
{
    private readonly ScapContentOptionsValidator validator = new();

    [Test]
    public void Validate_Defaults_Succeed()
    {
        Assert.That(validator.Validate(null, new ScapContentOptions()).Succeeded, Is.True);
    }

    [Test]
    public void Validate_TheDefaultMapAsConfiguration_Succeeds()
    {
        var options = new ScapContentOptions { Distributions = [.. DefaultDistributionContent.Distributions] };

        Assert.That(validator.Validate(null, options).Succeeded, Is.True, validator.Validate(null, options).FailureMessage);
    }

    [Test]
    public void Validate_FeedWithoutDataStream_Succeeds()
    {
        var options = new ScapContentOptions { Distributions = [new DistributionContent { Id = "almalinux", Versions = ["10"], Profile = "none", CveFeed = "/srv/mirror/alsa-10.xml.bz2" }] };

        Assert.That(validator.Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void Validate_RhelVexVersionsNotAMajorVersion_NamesTheKey()
    {
        var result = validator.Validate(null, new ScapContentOptions { RhelVexVersions = ["9", "9.4", "rhel8"] });

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "ScapContent:RhelVexVersions: '9.4' is not a RHEL major version (8, 9).",
            "ScapContent:RhelVexVersions: 'rhel8' is not a RHEL major version (8, 9).",
        }));
    }

    [Test]
    public void Validate_BadEntries_NameEachProblem()
    {
        var options = new ScapContentOptions
        {
            SearchDirectories = ["relative/dir"],
            Distributions =
            [
                new DistributionContent { Id = "debian", Versions = ["12"], DataStreams = ["a.xml"], Profile = "" },
                new DistributionContent { Id = "debian", Versions = ["12"], DataStreams = [], Profile = "standard", CveFeed = "ftp://x/feed" },
            ],
        };
        var result = validator.Validate(null, options);
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("'relative/dir' is not an absolute path")
            .And.Contain("Distributions:0 (debian 12): Profile is empty")
            .And.Contain("Distributions:1 (debian 12): DataStreams must list")
            .And.Contain("CveFeed 'ftp://x/feed'")
            .And.Contain("debian 12 is mapped twice"));
    }
}

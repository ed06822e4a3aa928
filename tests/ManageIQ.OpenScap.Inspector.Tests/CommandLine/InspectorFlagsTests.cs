using System.CommandLine;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Inspector.Tests.CommandLine;

public class InspectorFlagsTests
{
    [Test]
    public void ToSettings_ScanningPodArguments_AreUnderstood()
    {
        using var directory = new TempDirectory();
        var token = directory.Combine("token");
        File.WriteAllText(token, "s3cret\n");
        var settings = Parse(
            "--image=registry.example:5000/ns/app:1.0", "--scan-type=openscap", "--serve=0.0.0.0:8080", "--work-dir=" + directory.Combine("scan"),
            "--scan-results-dir=" + directory.Combine("scan", "results"), "--openscap-html-report", "--dockercfg=/secrets/a/.dockercfg",
            "--dockercfg", "/secrets/b/config.json", "--auth-token-file=" + token, "--insecure-registry=registry.example:5000",
            "--pull-policy=when-missing", "--cve-url=http://127.0.0.1:1/oval/", "--cve-feed-policy=required", "--scan-timeout=00:05:00");

        var scan = settings.ScanSettings;
        var configuration = settings.Scan.Configuration;
        Assert.That(settings.Image, Is.EqualTo("registry.example:5000/ns/app:1.0"));
        Assert.That(settings.Serve!.ToString(), Is.EqualTo("0.0.0.0:8080"));
        Assert.That(scan.WorkDirectory, Is.EqualTo(directory.Combine("scan")));
        Assert.That(scan.ResultsDirectory, Is.EqualTo(directory.Combine("scan", "results")));
        Assert.That(configuration["CveFeeds:CacheDirectory"], Is.EqualTo(directory.Combine("scan", "cve-cache")));
        Assert.That(settings.HtmlReport, Is.True);
        Assert.That(scan.DockerConfigFiles, Is.EqualTo(new[] { "/secrets/a/.dockercfg", "/secrets/b/config.json" }));
        Assert.That(settings.AuthToken, Is.EqualTo("s3cret"));
        Assert.That(settings.ToString(), Does.Not.Contain("s3cret"));
        Assert.That(scan.InsecureRegistries, Is.EqualTo(new[] { "registry.example:5000" }));
        Assert.That(scan.PullPolicy, Is.EqualTo(PullPolicy.IfNotPresent));
        Assert.That(configuration["CveFeeds:Policy"], Is.EqualTo(nameof(CveFeedPolicy.Required)));
        Assert.That(configuration["OpenScap:Timeout"], Is.EqualTo("00:05:00"));
        Assert.That(scan.ContentOverride.CveFeed, Is.EqualTo("http://127.0.0.1:1/oval/"));
    }

    [Test]
    [NonParallelizable]
    public void ToSettings_CveUrlInTheEnvironment_IsUsedWhenTheFlagIsAbsent()
    {
        using var directory = new TempDirectory();
        const string url = "https://feeder:feed-pass@feeds.example/oval/";
        Environment.SetEnvironmentVariable(ManageIQ.OpenScap.Contracts.Inspector.InspectorWire.CveUrlVariable, url);
        try
        {
            var fromEnvironment = Parse("--image=debian:12", "--scan-type=openscap", "--work-dir=" + directory.Path);
            var fromFlag = Parse("--image=debian:12", "--scan-type=openscap", "--work-dir=" + directory.Path, "--cve-url=https://other.example/");

            Assert.That(fromEnvironment.ScanSettings.ContentOverride.CveFeed, Is.EqualTo(url));
            Assert.That(fromFlag.ScanSettings.ContentOverride.CveFeed, Is.EqualTo("https://other.example/"), "the flag wins");
            Assert.That(fromEnvironment.ToString(), Does.Not.Contain("feed-pass"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ManageIQ.OpenScap.Contracts.Inspector.InspectorWire.CveUrlVariable, null);
        }
    }

    [Test]
    public void ToSettings_WebdavTokenFileAlias_ReadsTheToken()
    {
        using var directory = new TempDirectory();
        var token = directory.Combine("token");
        File.WriteAllText(token, "abc");
        Assert.That(Parse("--image=debian:12", "--scan-type=openscap", "--work-dir=" + directory.Path, "--webdav-token-file", token).AuthToken, Is.EqualTo("abc"));
    }

    [TestCase(new string[0], "docker image must be specified")]
    [TestCase(new[] { "--image=debian:12" }, "is not one of the available scan-types which are [openscap]")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=clamav" }, "'clamav' is not one of the available scan-types")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=openscap", "--dockercfg=/a", "--username=u", "--password-file=/p" }, "only specify dockercfg file or username/password pair")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=openscap", "--username=u" }, "--username and --password-file go together")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=openscap", "--serve=8080" }, "is not HOST:PORT")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=openscap", "--pull-policy=sometimes" }, "Unknown pull policy 'sometimes'")]
    [TestCase(new[] { "--image=debian:12", "--scan-type=openscap", "--platform=amd64" }, "Invalid platform 'amd64'")]
    [TestCase(new[] { "--image=UPPER/Case", "--scan-type=openscap" }, "UPPER/Case")]
    public void ToSettings_BadFlags_SayWhatIsWrong(string[] args, string expected)
    {
        using var directory = new TempDirectory();
        Assert.That(() => Parse([.. args, "--work-dir=" + directory.Path]), Throws.TypeOf<FormatException>().With.Message.Contains(expected));
    }

    [Test]
    public async Task Invoke_BadFlags_ExitsOneWithTheMessage()
    {
        using var error = new StringWriter();
        var code = await InspectorCommandLine.Create().Parse(["--image=debian:12", "--scan-type=clamav"]).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.That(code, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(error.ToString(), Does.StartWith("Error: 'clamav' is not one of the available scan-types"));
    }

    private static InspectorSettings Parse(params string[] args)
    {
        var flags = new InspectorFlags();
        var root = new RootCommand();
        flags.AddTo(root);
        var parse = root.Parse(args);
        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        return flags.ToSettings(parse);
    }
}

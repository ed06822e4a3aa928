using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scap.Reporting;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Bridge.Tests.Analysis;

/// <summary><c>bridge analyze</c> on the real path: the emulator, the local backend with the real oscap, a loopback registry.</summary>
[CancelAfter(300_000)]
public sealed partial class AnalyzeCommandTests
{
    private const string TelnetRule = "xccdf_org.ssgproject.content_rule_package_telnetd_removed";

    /// <summary>What a failed scan posts.</summary>
    // An error has no verdict, and its reasons say so: what an operator reads beside openscap_error.
    private static readonly string[] ErrorAttributes = ["openscap_status", "openscap_scanned_on", "openscap_digest", "openscap_compliance_reasons", "openscap_error", "openscap_scan_id", "openscap_report_url"];

    /// <summary>An image with a telnet server installed: a high-severity failure in SSG's standard profile (its SSH rules need a kernel, so they don't apply).</summary>
    internal static readonly DebianPackage[] WithTelnetServer = [.. SyntheticDebianRoot.DefaultPackages, new("telnetd", "0.17+2.4-2+deb12u1")];

    [Test]
    public async Task Analyze_PassingImage_PostsVerbatimAttributesRemovesStaleOnesTouchesNothingElse(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);
        await rig.AddAttributesAsync(
            id,
            cancellationToken,
            ("openscap_high_failed", "3", "metadata"),
            ("owner", "team-a", "metadata"));
        rig.AddRefreshAttribute(id, "openscap_from_label", "kept", "labels");
        rig.AddRefreshAttribute(id, "io.openshift.tags", "builder", "docker_labels");
        await rig.ClearRequestsAsync(cancellationToken);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("Status:       compliant").And.Contain("Posted:       ").And.Contain("1 stale deleted"));
        var requests = AnalyzeRig.About(await rig.RequestsAsync(cancellationToken), id);
        Assert.That(requests.Select(r => r.Value<string>("method") + " " + r.Value<string>("path")), Is.EqualTo(new[]
        {
            $"GET /api/container_images/{id}",
            $"POST /api/container_images/{id}/custom_attributes",
            $"POST /api/container_images/{id}/custom_attributes",
        }), "the image read, the upsert and the delete: 3 requests beyond authentication");
        Assert.That(requests.Select(r => r.Value<string>("action")), Is.EqualTo(new[] { null, "add", "delete" }));
        AssertVerbatim(rig, await rig.AttributesAsync(id, cancellationToken));
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_status"], Is.EqualTo("compliant"));
        Assert.That(attributes["openscap_digest"], Is.EqualTo(image.ManifestDigest));
        Assert.That(attributes["openscap_distribution"], Is.EqualTo("debian 12"));
        Assert.That(attributes["openscap_content"], Does.StartWith("ds=ssg-debian12-ds.xml;benchmark=").And.Contain(";profile=standard;"));
        Assert.That(attributes["openscap_failed_high"], Is.EqualTo("0"));
        Assert.That(attributes["openscap_failed"], Is.EqualTo("1"), "numbers are plain integers");
        Assert.That(attributes["openscap_scanned_on"], Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(attributes["openscap_notes"], Does.StartWith("No CVE feed was evaluated"));
        Assert.That(attributes["openscap_report_url"], Is.EqualTo(AnalyzeRig.PublicUrl + "reports/container_images/" + id));
        Assert.That(attributes, Does.Not.ContainKey("openscap_high_failed"), "the stale openscap_ attribute was deleted");
        Assert.That(attributes.Keys, Is.SubsetOf(Publishing.OpenScapAttributeNames.All.Append("openscap_from_label")));
        var html = CompactReportEncoding.Decode(attributes["openscap_report_html"]);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("Verify Group Who Owns shadow File"));
        Assert.That(attributes["openscap_report_html"], Has.Length.LessThan(16 * 1024));

        var all = await rig.AttributesAsync(id, cancellationToken);
        Assert.That(all.Single(a => a.Value<string>("name") == "owner").Value<string>("value"), Is.EqualTo("team-a"));
        var label = all.Single(a => a.Value<string>("name") == "openscap_from_label");
        Assert.That((label.Value<string>("section"), label.Value<string>("value")), Is.EqualTo(("labels", "kept")), "refresh-owned sections are never written");
        Assert.That(all.Single(a => a.Value<string>("name") == "io.openshift.tags").Value<string>("value"), Is.EqualTo("builder"));

    }

    [Test]
    public async Task Analyze_FailingImage_PostsNonCompliantWithTheHighRuleAndValuesVerbatim(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/ssh", "2", null, cancellationToken, WithTelnetServer);
        var id = await rig.AddImageAsync("team/ssh", "2", image.ManifestDigest, cancellationToken);
        await rig.ClearRequestsAsync(cancellationToken);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), "posted, whatever the verdict: " + run.Error + run.Output);
        Assert.That(AnalyzeRig.About(await rig.RequestsAsync(cancellationToken), id), Has.Count.EqualTo(2), "nothing stale: the read and the upsert");
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_status"], Is.EqualTo("non_compliant"));
        Assert.That(int.Parse(attributes["openscap_failed_high"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
        Assert.That(attributes["openscap_failed_rules"], Does.StartWith(TelnetRule), "the worst failures first");
        AssertVerbatim(rig, await rig.AttributesAsync(id, cancellationToken));
        var html = CompactReportEncoding.Decode(attributes["openscap_report_html"]);
        Assert.That(html, Does.Contain("non_compliant").And.Contain("Rationale").IgnoreCase);
    }

    [Test]
    public async Task Analyze_HostileDataStreamText_IsEscapedInTheReport(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var dataStream = rig.Directory.Combine("ssg-hostile-ds.xml");
        WriteHostileDataStream(dataStream);
        rig.WriteConfig(JObject.Parse($$$"""{"ScapContent": {"Distributions": [{"Id": "debian", "Versions": ["12"], "DataStreams": ["{{{dataStream}}}"], "Profile": "standard"}]}}"""));
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error + run.Output);
        var html = CompactReportEncoding.Decode((await rig.OpenScapAttributesAsync(id, cancellationToken))["openscap_report_html"]);
        Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;").Or.Contain("&lt;script&gt;alert('title')&lt;/script&gt;"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img"), "markup from the ARF is text, never elements");
        Assert.That(html, Does.Not.Contain("src=\"http").And.Not.Contain("href=\"http"), "no external resource");
        var compact = Regex.Match(run.Output, @"Report:\s+(\S+)").Groups[1].Value;
        Assert.That(File.ReadAllText(compact), Is.EqualTo(html), "the report beside the ARF is the one posted");
    }

    [Test]
    public async Task Analyze_OutageOfFive503sThenAnAnswerLost_StoresEachAttributeOnce(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);
        var path = $"/api/container_images/{id}/custom_attributes";
        await rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "{{path}}", "count": 5, "status": 503}""", cancellationToken);
        await rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "{{path}}", "count": 1, "drop": "after"}""", cancellationToken);
        await rig.ClearRequestsAsync(cancellationToken);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error + run.Output);
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_status"], Is.EqualTo("compliant"));
        var posts = AnalyzeRig.About(await rig.RequestsAsync(cancellationToken), id).Where(r => r.Value<string>("method") == "POST").ToList();
        Assert.That(posts, Has.Count.EqualTo(7), "5 refused, 1 applied but unanswered, 1 answered");
        Assert.That(posts.Take(5).Select(r => r.Value<int>("status")), Is.All.EqualTo(503));
        Assert.That(posts[^1].Value<int>("status"), Is.EqualTo(200));
        var all = await rig.AttributesAsync(id, cancellationToken);
        Assert.That(all.Select(a => a.Value<string>("name")), Is.Unique);
    }

    [Test]
    public async Task Analyze_ManageIqUnreachableWhenPosting_KeepsTheResultAndTheNextRunPostsTheLatest(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);
        await rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "/api/container_images/{{id}}/custom_attributes", "count": 50, "status": 503}""", cancellationToken);

        var first = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.ManageIqUnreachable), first.Error + first.Output);
        Assert.That(first.Output, Does.Contain("waits in the outbox"));
        Assert.That(await rig.OpenScapAttributesAsync(id, cancellationToken), Is.Empty);

        await rig.ClearFaultsAsync(cancellationToken);
        var second = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Passed), second.Error + second.Output);
        Assert.That((await rig.OpenScapAttributesAsync(id, cancellationToken))["openscap_scan_id"], Is.EqualTo(ScanIdOf(second)), "the latest result");
    }

    [Test]
    public async Task Analyze_WaitingResultOfAnotherImage_IsPostedByTheNextRun(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var image = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var first = await rig.AddImageAsync("team/app", "1.0", image.ManifestDigest, cancellationToken);
        var other = await rig.AddImageAsync("team/app", "1.0-copy", image.ManifestDigest, cancellationToken);
        await rig.FaultAsync($$"""{"method": "POST", "pathPrefix": "/api/container_images/{{first}}/custom_attributes", "count": 50, "status": 503}""", cancellationToken);
        var kept = await rig.AnalyzeAsync(first, cancellationToken);
        Assert.That(kept.ExitCode, Is.EqualTo(ExitCodes.ManageIqUnreachable), kept.Error + kept.Output);
        await rig.ClearFaultsAsync(cancellationToken);

        var next = await rig.AnalyzeAsync(other, cancellationToken);

        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.Passed), next.Error + next.Output);
        Assert.That(next.Output, Does.Contain("1 waiting result(s) of earlier runs posted"));
        Assert.That((await rig.OpenScapAttributesAsync(first, cancellationToken))["openscap_scan_id"], Is.EqualTo(ScanIdOf(kept)));
    }

    [Test]
    public async Task Analyze_TagMovedSinceTheLastResult_PostsTheNewDigestAndScan(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var before = await rig.PushDebianAsync("team/ssh", "latest", null, cancellationToken);
        var id = await rig.AddImageAsync("team/ssh", "latest", before.ManifestDigest, cancellationToken);
        Assert.That((await rig.AnalyzeAsync(id, cancellationToken)).ExitCode, Is.EqualTo(ExitCodes.Passed));
        var after = await rig.PushDebianAsync("team/ssh", "latest", null, cancellationToken, WithTelnetServer);
        rig.MoveImage(id, after.ManifestDigest);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error + run.Output);
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_digest"], Is.EqualTo(after.ManifestDigest));
        Assert.That(attributes["openscap_status"], Is.EqualTo("non_compliant"));
        Assert.That(attributes["openscap_scan_id"], Is.EqualTo(ScanIdOf(run)));
    }

    [Test]
    public async Task Analyze_ImageIdThatMoved_PostsErrorNamingBothAndExitsEight(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var listed = await rig.PushDebianAsync("team/app", "1.0", null, cancellationToken);
        var id = await rig.AddImageAsync("team/app", "1.0", listed.ManifestDigest, cancellationToken);
        await rig.AddAttributesAsync(id, cancellationToken, ("openscap_failed_rules", "old", "metadata"));
        lock (rig.Emulator.Store.Gate)
        {
            // A node's runtime reported only the image id; the tag has moved on since.
            var row = rig.Emulator.Store.ContainerImages.Find(id)!;
            row["digest"] = null;
            row["image_ref"] = "docker://" + listed.ConfigDigest;
            row["container_image_registry_id"] = rig.AddRegistry();
        }

        await rig.PushDebianAsync("team/app", "1.0", root => File.WriteAllText(Path.Combine(root, "etc/hostname"), "rebuilt\n"), cancellationToken);
        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ScanFailedPosted), run.Error + run.Output);
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_status"], Is.EqualTo("error"));
        Assert.That(attributes["openscap_error"], Does.StartWith("ImageMismatch: ").And.Contain(listed.ConfigDigest));
        Assert.That(attributes["openscap_digest"], Is.EqualTo(listed.ConfigDigest), "the digest ManageIQ lists");
        Assert.That(attributes, Does.Not.ContainKey("openscap_failed_rules").And.Not.ContainKey("openscap_report_html"), "no result of the wrong image");
    }

    [Test]
    public async Task Analyze_ImageMissingFromTheRegistry_PostsErrorAndExitsEight(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var id = await rig.AddImageAsync("team/gone", "1", "sha256:" + new string('a', 64), cancellationToken);

        var run = await rig.AnalyzeAsync(id, cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ScanFailedPosted), run.Error + run.Output);
        var attributes = await rig.OpenScapAttributesAsync(id, cancellationToken);
        Assert.That(attributes["openscap_status"], Is.EqualTo("error"));
        Assert.That(attributes["openscap_error"], Does.StartWith("ImageAcquireFailed: "));
        Assert.That(attributes.Keys, Is.EquivalentTo(ErrorAttributes));
    }

    [Test]
    public async Task Analyze_UnknownArchivedOrBadlyConfigured_ExitsOneWithOneClearLine(CancellationToken cancellationToken)
    {
        await using var rig = await AnalyzeRig.StartAsync(cancellationToken);
        var unknown = await rig.AnalyzeAsync(9999, cancellationToken);
        Assert.That(unknown.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments), unknown.Error + unknown.Output);
        Assert.That(unknown.Output, Does.Contain("Not analysed (ImageNotFound)").And.Contain("404"));

        var id = await rig.AddImageAsync("team/old", "1", "sha256:" + new string('b', 64), cancellationToken);
        using (var http = new HttpClient { BaseAddress = rig.Emulator.BaseUri })
        {
            using var archive = await http.PostAsync($"/emulator/container_images/{id}/archive", null, cancellationToken);
            Assert.That((int)archive.StatusCode, Is.EqualTo(200));
        }

        var archived = await rig.AnalyzeAsync(id, cancellationToken);
        Assert.That(archived.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(archived.Output, Does.Contain("is archived in ManageIQ"));
        Assert.That(await rig.OpenScapAttributesAsync(id, cancellationToken), Is.Empty);

        rig.WriteConfig(JObject.Parse("""{"Bridge": {"PublicUrl": "ftp://bridge.invalid/"}}"""));
        var badKey = await rig.AnalyzeAsync(id, cancellationToken);
        Assert.That(badKey.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(badKey.Error.Split('\n'), Has.One.StartsWith("Error: invalid configuration: Bridge:PublicUrl "));

        rig.WriteConfig(JObject.Parse("""{"Bridge": {"Backend": "kubernetes"}}"""));
        var noCluster = await rig.AnalyzeAsync(id, cancellationToken);
        Assert.That(noCluster.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(noCluster.Error.Split('\n'), Has.One.StartsWith("Error: invalid configuration: Bridge:Backend (or scan --backend) chooses the kubernetes backend, but Kubernetes:Clusters is empty"));

        var zero = ChildProcess.Start(AnalyzeRig.BridgeAssembly, ["analyze", "--image-id", "0"]);
        await zero.WaitForExitAsync(cancellationToken);
        Assert.That(zero.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(zero.Error, Does.Contain("--image-id"));
    }

    /// <summary>Every value in ManageIQ is the one the bridge committed to its store, character for character.</summary>
    private static void AssertVerbatim(AnalyzeRig rig, IReadOnlyList<JObject> inManageIq)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(rig.StateDirectory, "state.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT attributes FROM result_attributes ORDER BY seq DESC LIMIT 1";
        var committed = ((JArray)AnalyzeRig.Parse((string)command.ExecuteScalar()!)).Cast<JObject>().ToList();
        Assert.That(committed, Is.Not.Empty);
        foreach (var attribute in committed)
        {
            var name = attribute.Value<string>("name");
            var posted = inManageIq.Single(a => a.Value<string>("name") == name);
            Assert.That(posted.Value<string>("value"), Is.EqualTo(attribute.Value<string>("value")), name);
        }
    }

    internal static string ScanIdOf(ChildProcess run) =>
        ScanIdLine().Match(run.Output) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException("no ARF path in: " + run.Output);

    private static void WriteHostileDataStream(string path)
    {
        var text = File.ReadAllText(ScapContent.Debian12DataStream);
        const string Rule = "id=\"xccdf_org.ssgproject.content_rule_file_groupowner_etc_shadow\"";
        var at = text.IndexOf(Rule, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0));
        var title = text.IndexOf("Verify Group Who Owns shadow File", at, StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, title), "&lt;script&gt;alert('title')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", text.AsSpan(title + "Verify Group Who Owns shadow File".Length));
        var rationale = text.IndexOf("rationale>", at, StringComparison.Ordinal) + "rationale>".Length;
        text = text.Insert(rationale, "&lt;script src=\"http://127.0.0.1:1/x.js\"&gt;&lt;/script&gt;");
        File.WriteAllText(path, text);
    }

    // The scan id is the name of the scan's directory, IMAGE-ID/SCAN-ID/results-arf.xml.
    [GeneratedRegex(@"ARF:\s+\S+/\d+/([0-9TZ]+-[0-9a-f]{8})/results-arf\.xml")]
    private static partial Regex ScanIdLine();
}

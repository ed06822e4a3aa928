using System.Text.Json;
using ManageIQ.OpenScap.Scap.Tests.Support;

namespace ManageIQ.OpenScap.Scap.Tests;

[CancelAfter(30_000)]
public sealed class ScapSummaryJsonTests
{
    [Test]
    public async Task Serialize_MiniArf_HasTheFieldsTheIssueNames(CancellationToken cancellationToken)
    {
        var summary = await new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancellationToken);

        using var json = JsonDocument.Parse(ScapSummaryJson.Serialize(summary));

        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("arf"));
            Assert.That(root.GetProperty("benchmark").GetProperty("id").GetString(), Is.EqualTo("xccdf_org.manageiq.openscap.test_benchmark_mini"));
            Assert.That(root.GetProperty("benchmark").GetProperty("version").GetString(), Is.EqualTo("1.0.3"));
            Assert.That(root.GetProperty("profile").GetProperty("title").GetString(), Is.EqualTo("Mini vulnerability profile"));
            Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("synthetic-debian12"));
            Assert.That(root.GetProperty("ruleResults").GetInt32(), Is.EqualTo(12));
            Assert.That(root.GetProperty("results").GetProperty("fail").GetInt32(), Is.EqualTo(7));
            Assert.That(root.GetProperty("failedBySeverity").EnumerateObject().Select(p => p.Name), Is.EqualTo(new List<string> { "high", "medium", "low", "info", "unknown" }));
            var failed = root.GetProperty("failedRules")[0];
            Assert.That(failed.GetProperty("id").GetString(), Does.StartWith("xccdf_"));
            Assert.That(failed.GetProperty("severity").GetString(), Is.AnyOf("high", "medium", "low", "info", "unknown"));
            Assert.That(failed.GetProperty("cves").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(root.GetProperty("cves")[0].GetProperty("id").GetString(), Is.EqualTo("CVE-2023-5678"));
            Assert.That(root.GetProperty("cves")[0].GetProperty("severity").GetString(), Is.EqualTo("high"));
        });
    }

    [Test]
    public void Serialize_NoFailures_WritesEverySeverityWithZero()
    {
        var json = ScapSummaryJson.Serialize(new ScapSummary { Kind = ScapResultKind.Xccdf });

        using var document = JsonDocument.Parse(json);
        var counts = document.RootElement.GetProperty("failedBySeverity").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["high"] = 0, ["medium"] = 0, ["low"] = 0, ["info"] = 0, ["unknown"] = 0 }));
    }

    [TestCaseSource(typeof(FixtureFiles), nameof(FixtureFiles.Results))]
    public async Task Deserialize_SerializedSummary_RoundTrips(string fixture, CancellationToken cancellationToken)
    {
        var summary = await new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(fixture), cancellationToken);
        var json = ScapSummaryJson.Serialize(summary);

        var back = ScapSummaryJson.Deserialize(json);

        Assert.Multiple(() =>
        {
            Assert.That(ScapSummaryJson.Serialize(back), Is.EqualTo(json));
            Assert.That(back.FailedBySeverity, Is.EqualTo(summary.FailedBySeverity));
            Assert.That(back.Cves, Is.EqualTo(summary.Cves));
            Assert.That(back.StartTime, Is.EqualTo(summary.StartTime));
        });
    }

    [TestCaseSource(typeof(FixtureFiles), nameof(FixtureFiles.Results))]
    public async Task Serialize_FastPath_WritesWhatTheReadingContractWrites(string fixture, CancellationToken cancellationToken)
    {
        var summary = await new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(fixture), cancellationToken);

        var json = ScapSummaryJson.Serialize(summary);

        // The reading context serialises by its metadata: a property or option only one of the two has shows here.
        Assert.That(json, Is.EqualTo(JsonSerializer.Serialize(summary, ScapJsonContext.Default.ScapSummary)));
    }

    [Test]
    public async Task SerializeAsync_WritesTheSameTextAsSerialize(CancellationToken cancellationToken)
    {
        var summary = await new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.MiniArf), cancellationToken);
        using var stream = new MemoryStream();

        await ScapSummaryJson.SerializeAsync(stream, summary, cancellationToken);

        Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(ScapSummaryJson.Serialize(summary)));
    }

    [Test]
    public async Task SerializeToUtf8Bytes_IsTheUtf8OfSerialize(CancellationToken cancellationToken)
    {
        var summary = await new ScapResultReader().SummarizeFileAsync(FixtureFiles.Path(FixtureFiles.CveOvalResults), cancellationToken);

        var bytes = ScapSummaryJson.SerializeToUtf8Bytes(summary);

        Assert.That(bytes, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(ScapSummaryJson.Serialize(summary))));
    }

    [TestCase("not json")]
    [TestCase("null")]
    [TestCase("{\"ruleResults\": 3}")]
    [TestCase("{\"kind\": \"spreadsheet\"}")]
    public void Deserialize_NotASummary_ThrowsJsonException(string json) =>
        Assert.That(() => ScapSummaryJson.Deserialize(json), Throws.InstanceOf<JsonException>());
}

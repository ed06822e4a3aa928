using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Tests.Policies;
using ManageIQ.OpenScap.Control.Tests.Ruby;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Format;

/// <summary>What the writer writes, Psych and the reader read back as the same data.</summary>
public sealed class RubyYamlWriterTests
{
    private static IEnumerable<string> Files() => ShippedPolicyFiles.Files();

    [TestCaseSource(nameof(Files))]
    [CancelAfter(60_000)]
    public async Task Write_AShippedFile_ReadsBackTheSameInPsychAndCSharp(string path, CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();
        var view = RubyYamlReader.ReadFile(path);
        using var directory = new TempDirectory();
        var written = directory.Combine("written.yaml");
        await File.WriteAllTextAsync(written, RubyYamlWriter.Write(view), cancellationToken);

        Assert.That(JToken.DeepEquals(RubyYamlReader.ReadFile(written), view), Is.True);
        Assert.That(JToken.DeepEquals(await RubyPsych.LoadAsync(written, cancellationToken), view), Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Write_StringsThatLookLikeOtherTypes_AreQuoted(CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();
        var view = new JArray(new JObject
        {
            ["zero"] = "0",
            ["yes"] = "yes",
            ["empty"] = string.Empty,
            ["null"] = "null",
            ["colon"] = ":x but text with spaces",
            ["hash"] = "a #comment",
            ["mark"] = "notes [openscap-bridge source sha256:0123]",
            ["date"] = "2026-01-01",
            ["multi"] = "line\nbreak",
            [":sym"] = ":value",
            ["nested"] = new JObject { [ControlView.MiqExpressionKey] = new JObject { ["exp"] = new JObject { ["="] = new JObject { ["field"] = "f", ["value"] = "0" } }, ["context_type"] = null } },
            ["list"] = new JArray(),
            ["map"] = new JObject(),
        });
        using var directory = new TempDirectory();
        var written = directory.Combine("written.yaml");
        await File.WriteAllTextAsync(written, RubyYamlWriter.Write(view), cancellationToken);

        Assert.That(JToken.DeepEquals(await RubyPsych.LoadAsync(written, cancellationToken), view), Is.True, await File.ReadAllTextAsync(written, cancellationToken));
        Assert.That(JToken.DeepEquals(RubyYamlReader.ReadFile(written), view), Is.True);
    }
}

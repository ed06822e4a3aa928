using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// The waiver file changed while <c>bridge serve</c> runs: the image's stored result is judged again and posted
/// with the waived rule apart and out of the counts, without a second scan (emulator, loopback registry, real oscap).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServeWaiverTests
{
    private const int Timeout = 600_000;

    [Test]
    [CancelAfter(Timeout)]
    public async Task WaiverFileChanged_WhileServing_RepostsTheStoredResultWithoutARescan(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken);
        var waivers = rig.Directory.Combine("waivers.yaml");
        await File.WriteAllTextAsync(waivers, "waivers: []\n", cancellationToken);
        rig.WriteConfig(new JObject { ["Bridge"] = new JObject { ["Waivers"] = new JObject { ["File"] = waivers, ["CheckInterval"] = "00:00:01" } } });
        var built = await rig.PushDebianAsync("apps/web", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/web", "1.0", built.ManifestDigest, cancellationToken);

        var app = await rig.StartServiceAsync(cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), cancellationToken);
            var before = await rig.OpenScapAttributesAsync(id, cancellationToken);
            Assert.That(before, Does.ContainKey("openscap_failed_rules"), "the synthetic image fails some rule");
            Assert.That(before, Does.Not.ContainKey("openscap_waived"));
            var rule = before["openscap_failed_rules"].Split(", ")[0];

            // Another provider's waiver of the same rule changes nothing; this provider's takes the rule out.
            await File.WriteAllTextAsync(
                waivers,
                $"waivers:\n  - id: {rule}\n    reason: Not in containers.\n    owner: ops\n    expires: 2999-01-01\n    provider: \"2\"\n"
                + $"  - id: {rule}\n    reason: Checked by hand.\n    owner: alice\n    expires: 2999-01-01\n    provider: \"{ServiceRig.Provider}\"\n",
                cancellationToken);
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_waived"), cancellationToken);

            var after = await rig.OpenScapAttributesAsync(id, cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(after["openscap_waived"], Does.StartWith($"{rule} (alice, until 2999-01-01): Checked by hand."));
                Assert.That(int.Parse(after["openscap_failed"], CultureInfo.InvariantCulture), Is.LessThan(int.Parse(before["openscap_failed"], CultureInfo.InvariantCulture)));
                Assert.That(after.GetValueOrDefault("openscap_failed_rules") ?? string.Empty, Does.Not.Contain(rule));
                Assert.That(after["openscap_scan_id"], Is.EqualTo(before["openscap_scan_id"]), "the same scan, judged again");
                Assert.That(rig.Counter.Jobs, Has.Count.EqualTo(1), "no rescan");
            });
            await app.StopAsync(cancellationToken);
        }
    }
}

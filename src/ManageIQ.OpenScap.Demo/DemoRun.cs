using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ManageIQ.OpenScap.Demo.Display;
using ManageIQ.OpenScap.Demo.Emulation;
using ManageIQ.OpenScap.Demo.Feeds;
using ManageIQ.OpenScap.Demo.Hosting;
using ManageIQ.OpenScap.Demo.Images;
using ManageIQ.OpenScap.Demo.Registry;
using ManageIQ.OpenScap.Demo.Tools;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.Demo;

/// <summary>
/// One run of <c>bridge demo</c>: build or reuse the images, serve them from a loopback registry, build or reuse the
/// sample CVE feed, start the ManageIQ emulator with one OpenShift provider listing the images, run the service
/// in-process until every image has its result in ManageIQ, then show the results and ManageIQ's view of one image.
/// A second run reuses the images, the feed and the store, and the service skips the unchanged images.
/// </summary>
public sealed class DemoRun(DemoSetup setup, IDemoDisplay display)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly DemoPaths _paths = setup.Paths;

    /// <summary>Runs the demo; 0 when every image has a result, 1 when a step failed or a scan did.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var startedOn = setup.Time.GetUtcNow();
        Directory.CreateDirectory(_paths.Root);
        display.Header(_paths.Root);
        var earlier = DemoRunHistory.Read(_paths.Runs);
        DemoSummary summary;
        try
        {
            summary = await display.RunAsync(() => WorkAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ToolException or InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException or ServiceStartRefusedException)
        {
            display.Fatal(e.Message);
            return 1;
        }

        summary = summary with { Took = clock.Elapsed, FirstRunTook = summary.ScannedNow == 0 ? DemoRunHistory.LastFullRun(earlier) : null };
        display.Summary(summary);
        DemoRunHistory.Append(_paths.Runs, new DemoRunRecord(startedOn, Math.Round(clock.Elapsed.TotalSeconds, 1), summary.ScannedNow, summary.Rows.Count));
        return summary.Rows.All(r => r.Status is OpenScapStatusNames.Compliant or OpenScapStatusNames.NonCompliant) ? 0 : 1;
    }

    private async Task<DemoSummary> WorkAsync(CancellationToken cancellationToken)
    {
        var images = new List<BuiltImage>();
        var builder = new DemoImageBuilder(setup.Roots, setup.Time);
        foreach (var spec in setup.Images)
        {
            var step = display.BeginStep("image", $"{spec.Reference}: {spec.Title}");
            var image = await Run(step, () => builder.BuildOrReuseAsync(spec, _paths.Images, new StepProgress(step), cancellationToken)).ConfigureAwait(false);
            step.Done(image.Reused
                ? $"{spec.Reference}: reused ({image.Packages} packages, Debian {image.DebianVersion})"
                : $"{spec.Reference}: built in {DemoText.Seconds(image.Took)} with {setup.Roots.Describe(spec)} ({image.Packages} packages, Debian {image.DebianVersion})");
            images.Add(image);
        }

        var registryStep = display.BeginStep("registry", "starting Debian's docker-registry on 127.0.0.1");
        await using var registry = await Run(registryStep, () => DockerRegistryProcess.StartAsync(_paths.Registry, cancellationToken)).ConfigureAwait(false);
        var published = new List<PublishedImage>();
        foreach (var image in images)
        {
            registryStep.Update($"skopeo copy {image.Spec.Reference} to {registry.Host}");
            var digest = await Run(registryStep, () => SkopeoPusher.PushAsync(image, registry.Host, _paths.Registry, cancellationToken)).ConfigureAwait(false);
            published.Add(new PublishedImage(published.Count + 1, image.Spec.Repository, image.Spec.Tag, digest));
        }

        registryStep.Done($"{registry.Host} serves {string.Join(", ", published.Select(p => $"{p.Repository}:{p.Tag}@{p.Digest[..19]}"))}");

        var feedStep = display.BeginStep("cve feed", $"SAMPLE feed from {setup.Security.Suite}: the CVEs its updates' changelogs name");
        var feeds = new SampleFeedBuilder(setup.Security, setup.Time);
        var feed = await Run(feedStep, () => feeds.BuildAsync([.. images.Select(i => new FeedImage(i.Spec.Reference, i.DpkgStatusPath))], _paths.Feed, new StepProgress(feedStep), cancellationToken)).ConfigureAwait(false);
        feedStep.Done(string.Create(CultureInfo.InvariantCulture, $"SAMPLE feed {(feed.Reused ? "reused" : "built")}: {feed.Definitions} CVEs fixed in {setup.Security.Suite} for {feed.Sources.Count} source packages ({string.Join(", ", feed.Sources.Select(s => s.Source))}); {feed.Path}"));
        if (feed.Definitions == 0)
        {
            display.Warning($"{setup.Security.Suite} has no update newer than the images' packages that names a CVE: no image can have a CVE finding.");
        }

        var names = published.ToDictionary(p => p.Id, p => $"{p.Repository}:{p.Tag}");
        var kept = await DemoStore.LatestAsync(_paths.State, published.Select(p => p.Id), cancellationToken).ConfigureAwait(false);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var seed = DemoSeed.Build(registry.Host, published, kept.ToDictionary(k => k.Key, k => k.Value.Record.Attributes), password);
        var emulatorStep = display.BeginStep("manageiq", "starting the ManageIQ API emulator");
        await using var emulator = await Run(emulatorStep, () => ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = seed }, cancellationToken)).ConfigureAwait(false);
        emulatorStep.Done($"emulator at {emulator.BaseUri}api: provider {DemoSeed.ProviderId} \"{DemoSeed.ProviderName}\" lists {published.Count} images; user {DemoSeed.BridgeUser} with {string.Join(", ", DemoSeed.BridgeFeatures)}"
            + (kept.Count == 0 ? string.Empty : $"; the openscap_ attributes of {kept.Count} images kept from the bridge's store"));

        var policyStep = display.BeginStep("policies", $"as {DemoPolicyGesture.AdminUser}: registering the bridge's profile and assigning it to provider {DemoSeed.ProviderId}, as the UI's Manage Policies does");
        var policies = await Run(policyStep, () => DemoPolicyGesture.RegisterAndAssignAsync(emulator.BaseUri, cancellationToken)).ConfigureAwait(false);
        policyStep.Done(DemoText.Policies(policies, DemoSeed.ProviderId, DemoSeed.ProviderName));

        var settings = new DemoServiceSettings(emulator.BaseUri, DemoSeed.BridgeUser, password, _paths.State, registry.Host, feed.Path, _paths.FeedCache);
        var serviceStep = display.BeginStep("service", "starting bridge serve in-process");
        using var logs = new DemoLogSink(_paths.Log, display.Warning);
        var observer = new DemoObserver(display, names);
        await using var service = await Run(serviceStep, () => DemoServiceHost.StartAsync(settings, observer, logs, cancellationToken)).ConfigureAwait(false);
        await Run(serviceStep, () => Within(service.Runner.Started, StartTimeout, "the service's start (the probe of ManageIQ, the lock)", cancellationToken)).ConfigureAwait(false);
        serviceStep.Done($"bridge serve: local backend, oscap, {DemoServiceSettings.DataStream} profile {DemoServiceSettings.Profile} + the sample feed, Bridge:Compliance:MinCveSeverity={DemoServiceSettings.MinCveSeverity}; log {_paths.Log}");

        await Within(observer.FirstDiscovery, StartTimeout, "the first discovery", cancellationToken).ConfigureAwait(false);
        await Within(service.WaitIdleAsync(cancellationToken), setup.ScanDeadline, "the scans", cancellationToken).ConfigureAwait(false);

        var rows = new List<ResultRow>();
        foreach (var (image, spec) in published.Zip(setup.Images))
        {
            rows.Add(Row(image, spec, await service.Store.GetLatestAsync(image.Id, cancellationToken).ConfigureAwait(false), observer.Scanned.ContainsKey(image.Id)));
        }

        var shown = published.FirstOrDefault(p => rows.Any(r => r.Image == names[p.Id] && r.Status == OpenScapStatusNames.NonCompliant)) ?? published[0];
        var view = await service.Client.GetContainerImageWithAttributesAsync(shown.Id, cancellationToken).ConfigureAwait(false);
        logs.Stopping();
        return new DemoSummary
        {
            Rows = rows,
            AttributesOf = names[shown.Id],
            AttributesRequest = $"GET {emulator.BaseUri}api/container_images/{shown.Id}?attributes=custom_attributes, the openscap_ ones",
            Attributes = OpenScapView(view.CustomAttributes),
            ScannedNow = observer.Scanned.Count,
            Notes = Notes(feed),
        };
    }

    private static ResultRow Row(PublishedImage image, DemoImageSpec spec, StoredResult? stored, bool scannedNow)
    {
        var row = new ResultRow { Image = $"{image.Repository}:{image.Tag}", Title = spec.Title, ScannedNow = scannedNow };
        if (stored is null)
        {
            return row;
        }

        var values = stored.Record.Attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        int Count(string name) => values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return row with
        {
            Status = stored.Record.Status,
            FailedHigh = Count(OpenScapAttributeNames.FailedHigh),
            FailedMedium = Count(OpenScapAttributeNames.FailedMedium),
            FailedLow = Count(OpenScapAttributeNames.FailedLow),
            FailedOther = Count(OpenScapAttributeNames.FailedInfo) + Count(OpenScapAttributeNames.FailedUnknown),
            Cves = Count(OpenScapAttributeNames.CvesVulnerable),
            HighestCveSeverity = values.GetValueOrDefault(OpenScapAttributeNames.CveHighestSeverity),
            CveIds = [.. (values.GetValueOrDefault(OpenScapAttributeNames.Cves) ?? string.Empty).Split(CappedList.Separator, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split(' ')[0]).Where(c => c.StartsWith("CVE-", StringComparison.Ordinal)).Take(6)],
            CompactReport = stored.Record.Artifacts.GetValueOrDefault("compact"),
            Arf = stored.Record.Artifacts.GetValueOrDefault("arf"),
            ScannedOn = stored.Record.ScannedOn,
            Error = values.GetValueOrDefault(OpenScapAttributeNames.Error),
        };
    }

    private static List<(string Name, string Value)> OpenScapView(IReadOnlyList<CustomAttribute> attributes)
    {
        var owned = attributes.Where(a => OpenScapAttributeNames.IsOwned(a.Name)).ToList();
        var order = OpenScapAttributeNames.All.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        return [.. owned.OrderBy(a => order.GetValueOrDefault(a.Name, int.MaxValue)).Select(a => (a.Name, a.Value ?? string.Empty))];
    }

    private List<string> Notes(SampleFeed feed) =>
    [
        $"The CVE feed is a SAMPLE, not Debian's security feed: bridge demo built it from the {setup.Security.Suite} versions of the images' packages (apt-get download from this machine's archive) and the CVE ids their changelog.Debian.gz names as fixed in each version ({feed.CveCount} CVEs, {feed.Path}). For real results leave ScapContent:Distributions[n]:CveFeed unset (the SSG data stream's own reference to Debian's feed is used), point it at a copy of Debian's oval-definitions-bookworm.xml.bz2, or set the provider's cve_url.",
        $"Bridge:Compliance:MinCveSeverity={DemoServiceSettings.MinCveSeverity}: Debian's feed carries no severity, so each vulnerable CVE fails SSG's security_patches_up_to_date at that rule's medium; with the default (high) a CVE alone would leave an image compliant. Failed rules count every failed rule-result, one per vulnerable CVE included.",
        $"The bridge's store is {_paths.State}; the service's log {_paths.Log}. bridge demo --reset starts over.",
    ];

    private static async Task<T> Run<T>(IDemoStep step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            step.Fail(e.Message);
            throw;
        }
    }

    private static async Task Run(IDemoStep step, Func<Task> action) =>
        await Run(step, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private static async Task Within(Task task, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not finish within {limit}; see the log.");
        }
    }
}

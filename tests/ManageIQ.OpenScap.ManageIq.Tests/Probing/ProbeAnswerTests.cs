using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Probing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Tests.Probing;

/// <summary>The probe's verdicts on versions, refusals and answers that are not ManageIQ's: each one line, none an exception.</summary>
[CancelAfter(60_000)]
public sealed class ProbeAnswerTests
{
    /// <summary>A pre-issued token: the canned server then answers only the entrypoint.</summary>
    private static void PreIssuedToken(Configuration.ManageIqClientOptions options)
    {
        options.MaxRetries = 0;
        options.Token = "canned-token";
    }

    [TestCase("4.1.0", "4.1.0")]
    [TestCase("3.0.0", "3.0.0")]
    [TestCase("4.2.0-pre", "4.2.0-pre")]
    public async Task Probe_ApiBelowTheFloor_IsRefusedNamingTheVersionAndTheFloor(string reported, string named)
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { ApiVersion = reported });

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.UnsupportedVersion));
        Assert.That(result.ApiVersion, Is.EqualTo(reported));
        Assert.That(result.Message, Is.EqualTo(
            $"ManageIQ at {h.Emulator.BaseUri} reports API version {named} (server master), below the supported floor 4.2.0 (ManageIQ Jansa): "
            + "before it, container images have no custom_attributes subcollection for the bridge's results. "
            + "Upgrade to ManageIQ Jansa or later; Ivanchuk (API 4.1.0; CloudForms 5.0, CFME 5.11, the last CloudForms) is below it."));
        Assert.That(result.MissingFeatures, Is.Empty, "the version is judged first");
    }

    [TestCase("4.2.0")]
    [TestCase("4.3.0")]
    [TestCase("4.3.0-pre")]
    [TestCase("4.4.0-pre")]
    [TestCase("5.0")]
    public async Task Probe_ApiAtOrAboveTheFloor_IsAccepted(string reported)
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { ApiVersion = reported });
        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning);
        Assert.That((result.Outcome, result.ApiVersion), Is.EqualTo((ManageIqProbeOutcome.Ready, reported)), result.Message);
    }

    [TestCase("<html><body>Service Unavailable</body></html>", "text/html", "gave an answer the bridge cannot use: GET /api answered 200 with text/html instead of JSON: <html><body>Service Unavailable</body></html>")]
    [TestCase("{\"version\": \"4.4.0-pre\", \"identity\": ", "application/json", "GET /api answered 200 with malformed JSON")]
    [TestCase("[1, 2]", "application/json", "GET /api?attributes=authorization answered Array where the API entrypoint object was expected.")]
    [TestCase("{}", "application/json", "GET /api?attributes=authorization answered without a version: not ManageIQ's API entrypoint.")]
    [TestCase("{\"version\": 4.2}", "application/json", "answered without a version")]
    [TestCase("{\"version\": \"4.4.0-pre\"}", "application/json", "answered without an identity.")]
    [TestCase("{\"version\": \"4.4.0-pre\", \"identity\": {\"name\": \"x\"}}", "application/json", "answered an identity without a userid.")]
    [TestCase("{\"version\": \"banana\", \"identity\": {\"userid\": \"u\"}}", "application/json", "reports API version 'banana', which is not a version number.")]
    [TestCase("{\"version\": \"4.4.0-pre\", \"identity\": {\"userid\": \"u\"}}", "application/json", "answered GET /api?attributes=authorization without authorization.product_features, so the user's product features cannot be checked.")]
    [TestCase("{\"version\": \"4.4.0-pre\", \"identity\": {\"userid\": \"u\"}, \"authorization\": {\"product_features\": []}}", "application/json", "without authorization.product_features")]
    public async Task Probe_AnswerThatIsNotManageIqs_GivesAClearLineNotACrash(string body, string contentType, string expected)
    {
        await using var server = new CannedListingServer(body, contentType);
        await using var services = ClientHarness.Build(server.BaseUri, PreIssuedToken);

        var result = await services.GetRequiredService<IManageIqProbe>().ProbeAsync(ManageIqCapabilities.All);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.InvalidAnswer));
        Assert.That(result.Message, Does.StartWith($"ManageIQ at {server.BaseUri} ").And.Contain(expected).And.Not.Contain("\n"));
        Assert.That(result.IsReady, Is.False);
    }

    [Test]
    public async Task Probe_ServerTextWithNewlines_StaysOneLine()
    {
        await using var server = new CannedListingServer("{\"version\": \"4.4.0-pre\", \"identity\": {\"userid\": \"u\\nforged line\", \"group\": \"g\"}, \"authorization\": {\"product_features\": {}}}");
        await using var services = ClientHarness.Build(server.BaseUri, PreIssuedToken);

        var result = await services.GetRequiredService<IManageIqProbe>().ProbeAsync(ManageIqCapabilities.Scanning);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.MissingFeatures));
        Assert.That(result.Message, Does.StartWith("ManageIQ user 'u forged line' (group 'g', role '', tenant '') lacks").And.Not.Contain("\n"));
    }

    [Test]
    public async Task Probe_WrongPassword_IsRefusedWithoutTheCredential()
    {
        await using var h = await ClientHarness.StartAsync(o => o.Password = "not-the-password");

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Refused));
        Assert.That(result.Message, Is.EqualTo($"ManageIQ at {h.Emulator.BaseUri} refused the bridge: GET /api/auth failed with 401 unauthorized: Authentication failed"));
        Assert.That(h.Logs.GetSnapshot().Select(r => r.Message), Has.None.Contains("not-the-password"));
    }

    [Test]
    public async Task Probe_GroupTheUserIsNotIn_IsRefusedNamingTheGroup()
    {
        await using var h = await ClientHarness.StartAsync(o => o.Group = "EvmGroup-nobody");
        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning);
        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Refused));
        Assert.That(result.Message, Does.EndWith("failed with 401 unauthorized: Invalid Authorization Group EvmGroup-nobody specified"));
    }

    [Test]
    public async Task Probe_NobodyListening_IsUnreachable()
    {
        int port;
        await using (var gone = await ManageIqEmulator.StartAsync())
        {
            port = gone.BaseUri.Port;
        }

        await using var services = ClientHarness.Build(new Uri($"http://127.0.0.1:{port}/"), o => o.MaxRetries = 0);
        var result = await services.GetRequiredService<IManageIqProbe>().ProbeAsync(ManageIqCapabilities.Scanning);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Unreachable));
        Assert.That(result.Message, Does.StartWith($"ManageIQ at http://127.0.0.1:{port}/ cannot be reached: GET /api/auth got no answer"));
    }

    [Test]
    public async Task Probe_AnswerSlowerThanTheDeadline_IsUnreachableNamingTheKey()
    {
        await using var h = await ClientHarness.StartAsync(probe: o => o.Deadline = TimeSpan.FromMilliseconds(300));
        h.Emulator.Faults.DelayNext(TimeSpan.FromSeconds(30), "GET", "/api", times: 10);

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Unreachable));
        Assert.That(result.Message, Is.EqualTo($"ManageIQ at {h.Emulator.BaseUri} did not answer GET /api?attributes=authorization within 00:00:00.3000000 (ManageIq:Probe:Deadline)."));
    }

    [Test]
    public async Task Probe_TransientFailures_AreRetriedWithinTheDeadline()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.FailNext(HttpStatusCode.ServiceUnavailable, "GET", "/api", times: 2);
        Assert.That((await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning)).Outcome, Is.EqualTo(ManageIqProbeOutcome.Ready));
    }

    [Test]
    public async Task Probe_CallerCancels_Throws()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.DelayNext(TimeSpan.FromSeconds(30), "GET", "/api");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(() => h.Probe.ProbeAsync(ManageIqCapabilities.Scanning, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(ManageIqCapabilities.None)]
    [TestCase((ManageIqCapabilities)64)]
    public async Task Probe_NoOrUnknownCapability_IsAProgrammingError(ManageIqCapabilities capabilities)
    {
        await using var h = await ClientHarness.StartAsync();
        Assert.That(() => h.Probe.ProbeAsync(capabilities), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase("00:00:00")]
    [TestCase("02:00:00")]
    public void Options_DeadlineOutOfRange_FailsAtStartNamingTheKey(string deadline)
    {
        using var services = ClientHarness.Build(new Uri("http://127.0.0.1:1/"), null, probe: o => o.Deadline = TimeSpan.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(
            () => services.GetRequiredService<IOptions<ManageIqProbeOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("ManageIq:Probe:Deadline is " + deadline));
    }

    [Test]
    public void AddManageIqProbe_WithoutTheClient_SaysWhatToCallFirst()
    {
        var services = new ServiceCollection();
        Assert.That(() => services.AddManageIqProbe(), Throws.InvalidOperationException.With.Message.EqualTo("AddManageIqProbe needs AddManageIqClient first: the probe uses the client's connection."));
    }
}

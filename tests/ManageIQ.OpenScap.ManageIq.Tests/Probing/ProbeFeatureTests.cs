using System.Net.Http.Headers;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Probing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests.Probing;

/// <summary>
/// The product features of <see cref="ManageIqFeatures"/> against the emulator, which gates each call as
/// manageiq-api's config/api.yml does: a user with exactly those features passes and may make every call; a user
/// without one is told its name, and the call it stands for is refused with 403.
/// </summary>
[CancelAfter(60_000)]
public sealed class ProbeFeatureTests
{
    public static IEnumerable<TestCaseData> GatedCalls() => ManageIqFeatures.All
        .Where(r => r.IsGated)
        .Select(r => new TestCaseData(r).SetName($"Probe_UserWithout_{r.Identifiers[0]}_ForCall_{r.Capability}_{r.Request.Replace(' ', '_').Replace('/', '_').Replace(':', '_')}_NamesItAndTheCallIsForbidden"));

    [Test]
    public async Task Probe_SuperAdministrator_AllCapabilities_IsReadyAndReportsWhatItFound()
    {
        await using var h = await ClientHarness.StartAsync();

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.All);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Ready), result.Message);
        Assert.That((result.ApiVersion, result.ServerVersion), Is.EqualTo(("4.4.0-pre", "master")));
        Assert.That(result.Identity, Is.EqualTo(new ManageIqIdentity("admin", "Administrator", "EvmGroup-super_administrator", "EvmRole-super_administrator", "My Company")));
        Assert.That(result.MissingFeatures, Is.Empty);
        Assert.That(result.Message, Is.EqualTo(
            $"ManageIQ at {h.Emulator.BaseUri}, API 4.4.0-pre (server master): user 'admin' (group 'EvmGroup-super_administrator', role 'EvmRole-super_administrator', tenant 'My Company') has every product feature for scanning and publishing, compliance checks, policy registration, policy assignment to providers, scanning the providers with the bridge's profile assigned."));
        Assert.That(result.EnsureReady(), Is.SameAs(result));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api").Where(r => r.Path == "/api").Select(r => r.Query), Is.EqualTo(new[] { "?attributes=authorization" }), "one entrypoint request");
        Assert.That(h.Logs.GetSnapshot().Where(r => r.Id.Id == 3021).Select(r => r.Message), Is.EqualTo(new[] { result.Message }));
    }

    [Test]
    public async Task Probe_UserWithExactlyTheListedFeatures_IsReadyAndMayMakeEveryCall()
    {
        await using var h = await ProbeUsers.StartAsync(ProbeUsers.MinimalRole());

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.All);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Ready), result.Message);
        Assert.That(result.Identity?.Group, Is.EqualTo(ProbeUsers.Group));
        foreach (var call in ManageIqFeatures.All)
        {
            Assert.That(await SendAsync(h, call, ProbeUsers.UserId, ProbeUsers.Password), Is.Not.EqualTo(403), call.Request);
        }
    }

    [TestCaseSource(nameof(GatedCalls))]
    public async Task Probe_UserWithoutAFeature_NamesItAndTheCallIsForbidden(ManageIqFeatureRequirement call)
    {
        await using var h = await ProbeUsers.StartAsync(ProbeUsers.MinimalRoleWithout([.. call.Identifiers]));

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.All);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.MissingFeatures));
        Assert.That(result.MissingFeatures, Does.Contain(call));
        Assert.That(result.Message, Does.Contain($"{call.Features} (\"{call.UiName}\", to ").And.Contain(call.Purpose).And.Not.Contain("\n"));
        Assert.That(await SendAsync(h, call, ProbeUsers.UserId, ProbeUsers.Password), Is.EqualTo(403), $"the emulator gates {call.Request} with {call.Features}");
        Assert.That(h.Logs.GetSnapshot().Where(r => r.Id.Id == 3022).Select(r => r.Message), Is.EqualTo(new[] { $"ManageIQ probe failed (MissingFeatures): {result.Message}" }));
    }

    [Test]
    public async Task Probe_UserWithoutImageShowAndComplianceCheck_GetsOneLineNamingBoth()
    {
        await using var h = await ProbeUsers.StartAsync(ProbeUsers.MinimalRoleWithout("container_image_show", "container_image_check_compliance"));

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning | ManageIqCapabilities.ComplianceCheck);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.MissingFeatures));
        Assert.That(result.Message, Is.EqualTo(
            "ManageIQ user 'bridge' (group 'OpenSCAP bridge', role 'OpenSCAP bridge role', tenant 'My Company') lacks product features the bridge needs: "
            + "container_image_show (\"Compute > Containers > Container Images > View > Show\", to read an image and its custom attributes); "
            + "container_image_check_compliance (\"Compute > Containers > Container Images > Operate > Check Compliance\", to ask ManageIQ to check an image's compliance). "
            + "Grant them to the role of group 'OpenSCAP bridge' (docs/manageiq-setup.md)."));
        Assert.That(result.MissingFeatures.Select(r => r.Features), Is.EqualTo(new[] { "container_image_show", "container_image_check_compliance" }));
        var thrown = Assert.Throws<ManageIqProbeException>(() => result.EnsureReady());
        Assert.That((thrown!.Message, thrown.Result), Is.EqualTo((result.Message, result)));
    }

    [Test]
    public async Task Probe_ReportedCapabilityMissingFeatures_IsReadyAndLogsThemAsAWarning()
    {
        await using var h = await ProbeUsers.StartAsync(ProbeUsers.MinimalRole(ManageIqCapabilities.Scanning));

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning, ManageIqCapabilities.PolicyRegistration | ManageIqCapabilities.ComplianceCheck);

        Assert.That(result.Outcome, Is.EqualTo(ManageIqProbeOutcome.Ready), result.Message);
        Assert.That(result.MissingFeatures.Select(r => r.Capability).Distinct(), Is.EquivalentTo(new[] { ManageIqCapabilities.PolicyRegistration, ManageIqCapabilities.ComplianceCheck }));
        Assert.That(result.MissingFeatures.Select(r => r.Features), Does.Contain("condition_new").And.Contain("container_image_check_compliance"));
        var warning = h.Logs.GetSnapshot().Single(r => r.Id.Id == 3040);
        Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(warning.Message, Does.Contain("condition_new (\"Control > Conditions > Modify > Add\", to create a condition)").And.Contain("The bridge starts without them"));
        Assert.That(h.Logs.GetSnapshot().Where(r => r.Id.Id == 3022), Is.Empty, "no failure is logged");
        Assert.That(h.Emulator.Requests.Matching("GET", "/api").Count(r => r.Path == "/api"), Is.EqualTo(1), "one entrypoint request");
    }

    [Test]
    public async Task Probe_ReportedFeaturesAllGranted_ListsNothingMissing()
    {
        await using var h = await ClientHarness.StartAsync();

        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning, ManageIqCapabilities.All);

        Assert.That((result.Outcome, result.MissingFeatures.Count), Is.EqualTo((ManageIqProbeOutcome.Ready, 0)));
        Assert.That(h.Logs.GetSnapshot().Where(r => r.Id.Id == 3040), Is.Empty);
    }

    [Test]
    public async Task Probe_FeaturesOfCapabilitiesNotEnabled_AreNotRequired()
    {
        await using var h = await ProbeUsers.StartAsync(ProbeUsers.MinimalRole(ManageIqCapabilities.Scanning));

        Assert.That((await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning)).Outcome, Is.EqualTo(ManageIqProbeOutcome.Ready));
        var withControl = await h.Probe.ProbeAsync(ManageIqCapabilities.Scanning | ManageIqCapabilities.PolicyRegistration);
        Assert.That(withControl.MissingFeatures.Select(r => r.Capability).Distinct(), Is.EqualTo(new[] { ManageIqCapabilities.PolicyRegistration }));
        Assert.That(withControl.Message, Does.Contain("condition (\"Control > Conditions (the whole node)\", to find the bridge's conditions)"));
    }

    [Test]
    public async Task Probe_ConditionNode_GrantsCreateAndEditWithIt()
    {
        await using var h = await ProbeUsers.StartAsync(["condition"]);
        var result = await h.Probe.ProbeAsync(ManageIqCapabilities.PolicyRegistration);
        Assert.That(result.MissingFeatures.SelectMany(r => r.Identifiers), Does.Not.Contain("condition").And.Not.Contain("condition_new").And.Not.Contain("condition_edit"));
        Assert.That(ProbeUsers.ImpliedBy.Values.Distinct(), Is.EqualTo(new[] { "condition" }));
    }

    [Test]
    public async Task Probe_UngatedCalls_NeedNoFeature()
    {
        await using var h = await ProbeUsers.StartAsync([]);
        foreach (var call in ManageIqFeatures.All.Where(r => !r.IsGated))
        {
            Assert.That(await SendAsync(h, call, ProbeUsers.UserId, ProbeUsers.Password), Is.Not.EqualTo(403), call.Request);
        }
    }

    [Test]
    public void Features_EachCallOnceAndEveryGatedOneNamed()
    {
        Assert.That(ManageIqFeatures.All.Select(r => (r.Capability, r.Request)), Is.Unique);
        Assert.That(ManageIqFeatures.All.Where(r => r.IsGated), Has.All.Matches<ManageIqFeatureRequirement>(r => !string.IsNullOrEmpty(r.UiName)));
        Assert.That(ManageIqFeatures.For(ManageIqCapabilities.All), Is.EqualTo(ManageIqFeatures.All));
        Assert.That(ManageIqFeatures.For(ManageIqCapabilities.ComplianceCheck).Select(r => r.Features), Is.EqualTo(new[] { "container_image_check_compliance" }));
    }

    /// <summary>
    /// The call a requirement stands for, as that user. A gated call names a missing id: the role check comes before the
    /// lookup, so a forbidden call is 403 and an allowed one 404 (or 400). An ungated one names the seeded image, provider and profile 1.
    /// </summary>
    private static async Task<int> SendAsync(ClientHarness h, ManageIqFeatureRequirement call, string user, string password)
    {
        using var http = new HttpClient { BaseAddress = h.Emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var path = call.Path.TrimStart('/').Replace(":id", call.IsGated ? "999999" : "1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), path);
        if (call.Action is { } action)
        {
            var body = path.EndsWith("custom_attributes", StringComparison.Ordinal)
                ? new JObject { ["action"] = action, ["resources"] = new JArray(new JObject { ["name"] = "openscap_probe", ["value"] = "1" }) }
                : path.EndsWith("policies", StringComparison.Ordinal) || path.EndsWith("policy_profiles", StringComparison.Ordinal) && path.Contains("/providers/", StringComparison.Ordinal)
                    ? new JObject { ["action"] = action, ["resources"] = new JArray(new JObject { ["href"] = $"{h.Emulator.BaseUri}api/policies/1" }) }
                    : new JObject { ["action"] = action, ["resource"] = new JObject { ["name"] = "probe" } };
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }
}

using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Control.Tests.Policies;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Registration;

/// <summary>
/// <c>bridge policies register</c> against the emulator: what it creates, that a second run writes nothing, that a
/// changed source edits exactly what changed, and that objects the bridge does not own are never touched.
/// </summary>
public sealed class RegistrationTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Register_FirstRun_CreatesConditionsPoliciesAndProfilesWithTheSourceGuidsAndOwnershipMarks(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var sources = ShippedPolicyFiles.Load();

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        Assert.That(report.HasConflicts || report.HasFailures, Is.False, string.Join("\n", report.Outcomes));
        foreach (var profile in sources)
        {
            var row = rig.Row(s => s.PolicyProfiles, profile.Guid);
            Assert.That(row.Value<string>("description"), Is.EqualTo(profile.Description));
            Assert.That(OwnershipMark.Read(row["set_data"]?.Value<string>("notes")), Is.EqualTo(SourceFingerprint.Of(profile)));
            var members = await rig.Client.GetProfilePoliciesAsync(row.Value<long>("id"), cancellationToken);
            Assert.That(members.Select(m => m.Guid), Is.EqualTo(profile.Policies.Select(p => p.Guid)));
            foreach (var policy in profile.Policies)
            {
                var policyRow = rig.Row(s => s.Policies, policy.Guid);
                Assert.That(OwnershipMark.Read(policyRow.Value<string>("notes")), Is.EqualTo(SourceFingerprint.Of(policy)));
                Assert.That(OwnershipMark.Strip(policyRow.Value<string>("notes")), Is.EqualTo(policy.Notes));
                var contents = await rig.Client.GetPolicyContentsAsync(policyRow.Value<long>("id"), cancellationToken);
                Assert.That(contents.Select(c => (c.Qualifier, c.FailureSequence)), Is.EqualTo(new[] { ("failure", (int?)1) }));
                foreach (var condition in policy.Conditions)
                {
                    var conditionRow = rig.Row(s => s.Conditions, condition.Guid);
                    Assert.That(conditionRow["expression"]!["exp"], Is.EqualTo(condition.Expression).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));
                    Assert.That(OwnershipMark.Read(conditionRow.Value<string>("notes")), Is.EqualTo(SourceFingerprint.Of(condition)));
                }
            }
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_SecondRun_MakesNoWriteRequest(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        await rig.Registrar.RegisterAsync(cancellationToken);
        rig.Emulator.Requests.Clear();

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        Assert.That(rig.Writes().Select(r => $"{r.Method} {r.Path}"), Is.Empty);
        Assert.That(report.Outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Unchanged));
        Assert.That(rig.Emulator.Requests.All, Is.Not.Empty, "it did look");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AfterAConditionChanged_EditsExactlyThatCondition(CancellationToken cancellationToken)
    {
        using var copy = ShippedPolicyFiles.Copy();
        await using var rig = await ControlRig.StartAsync(copy.Path);
        var changed = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.StrictProfile).Policies.Single().Conditions.Single();
        await RegisterThenEditAsync(rig, copy, "openscap-profile-strict.yaml", "value: \"0\"", "value: \"00\"", cancellationToken);
        var id = rig.Row(s => s.Conditions, changed.Guid).Value<long>("id");

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        Assert.That(rig.Writes().Select(r => $"{r.Method} {r.Path} {r.Action}"), Is.EqualTo(new[] { $"POST /api/conditions/{id} edit" }));
        Assert.That(rig.Row(s => s.Conditions, changed.Guid)["expression"]!.SelectToken("exp.=.value")!.ToString(), Is.EqualTo("00"));
        Assert.That(report.Outcomes.Where(o => o.IsWrite).Select(o => (o.Kind, o.ObjectKind, o.Guid)), Is.EqualTo(new[] { (OutcomeKind.Edited, "condition", (string?)changed.Guid) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AfterAPolicyChanged_EditsThatPolicyOnly(CancellationToken cancellationToken)
    {
        using var copy = ShippedPolicyFiles.Copy();
        await using var rig = await ControlRig.StartAsync(copy.Path);
        await RegisterThenEditAsync(rig, copy, "openscap-profile-bridge.yaml", "description: OpenSCAP compliance from the bridge's verdict", "description: OpenSCAP compliance (bridge verdict)", cancellationToken);

        await rig.Registrar.RegisterAsync(cancellationToken);

        var policy = rig.Row(s => s.Policies, "dab6ae17-1496-462c-80b5-b8648b0e4e08");
        Assert.That(rig.Writes().Select(r => $"{r.Method} {r.Path} {r.Action}"), Is.EqualTo(new[] { $"POST /api/policies/{policy.Value<long>("id")} edit" }));
        Assert.That(policy.Value<string>("description"), Is.EqualTo("OpenSCAP compliance (bridge verdict)"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AfterSomeoneDeletedTheBridgesCondition_CreatesItAgainAndRelinksThePolicy(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        await rig.Registrar.RegisterAsync(cancellationToken);
        var policy = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile).Policies.Single();
        await rig.Client.DeleteConditionAsync(rig.Row(s => s.Conditions, policy.Conditions.Single().Guid).Value<long>("id"), cancellationToken);

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        var policyId = rig.Row(s => s.Policies, policy.Guid).Value<long>("id");
        var conditions = await rig.Client.GetPolicyConditionsAsync(policyId, cancellationToken);
        Assert.That(conditions.Select(c => c.Guid), Is.EqualTo(new[] { policy.Conditions.Single().Guid }));
        Assert.That(report.Outcomes.Where(o => o.IsWrite).Select(o => (o.Kind, o.ObjectKind)), Is.EqualTo(new[] { (OutcomeKind.Created, "condition"), (OutcomeKind.Edited, "policy") }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RegisterAndUnregister_LeaveManageIqsSeededProfilePoliciesAndConditionsByteIdentical(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var before = await rig.SeededProfileJsonAsync(cancellationToken);

        await rig.Registrar.RegisterAsync(cancellationToken);
        var registered = await rig.SeededProfileJsonAsync(cancellationToken);
        await rig.Unregistrar.UnregisterAsync(cancellationToken);
        var unregistered = await rig.SeededProfileJsonAsync(cancellationToken);

        Assert.That(registered, Is.EqualTo(before));
        Assert.That(unregistered, Is.EqualTo(before));
        Assert.That(before, Does.Contain("0bf2e43a-1211-11e6-aa9c-02424d459b45"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AUsersObjectWithTheBridgesName_IsAConflictNamingBoth_AndIsLeftAsItIs(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var source = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile).Policies.Single().Conditions.Single();
        var users = await rig.Client.CreateConditionAsync(
            new ConditionInput(source.Name, "A user's own condition", "ContainerImage", JObject.Parse("""{"=": {"field": "ContainerImage-name", "value": "mine"}}""")) { Notes = "mine" }, cancellationToken);
        var before = rig.Emulator.Store.Read(s => s.Conditions.Find(users.Id)!.ToString());

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        var conflict = report.Outcomes.Single(o => o.Kind == OutcomeKind.Conflict);
        Assert.That(conflict.Message, Does.Contain(source.Guid).And.Contain($"condition {users.Id} '{source.Name}'").And.Contain(users.Guid!));
        Assert.That(rig.Emulator.Store.Read(s => s.Conditions.Find(users.Id)!.ToString()), Is.EqualTo(before));
        Assert.That(report.Outcomes.Where(o => o.ObjectKind == "policy" && o.Name == "openscap compliance (bridge)").Select(o => o.Kind), Is.EqualTo(new[] { OutcomeKind.Skipped }));
        Assert.That(report.Outcomes.Where(o => o.Name == ShippedPolicyFiles.StrictProfile).Select(o => o.Kind), Does.Contain(OutcomeKind.Created), "the other profile is registered");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AUsersProfileWithTheBridgesDescription_IsAConflictNamingBoth(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var source = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile);
        var users = await rig.Client.CreatePolicyProfileAsync(new PolicyProfileInput("my profile", source.Description), cancellationToken);

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        var conflict = report.Outcomes.Single(o => o.Kind == OutcomeKind.Conflict);
        Assert.That(conflict.Message, Does.StartWith($"the description of profile '{source.Name}' ({source.Guid}").And.Contain($"profile {users.Id} 'my profile' ({users.Guid})"));
        Assert.That(report.HasFailures, Is.False);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Register_AUsersCopyOfTheProfileWithItsGuid_IsNeverEdited(CancellationToken cancellationToken)
    {
        using var copy = ShippedPolicyFiles.Copy();
        await using var rig = await ControlRig.StartAsync(copy.Path);
        await rig.Registrar.RegisterAsync(cancellationToken);
        var source = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile);
        var id = rig.Row(s => s.PolicyProfiles, source.Guid).Value<long>("id");
        // The user imported the file through the UI: the same guid, the notes without the bridge's mark.
        await rig.Client.EditPolicyProfileAsync(id, new PolicyProfileInput(source.Name, source.Description) { Notes = "imported by hand" }, cancellationToken);
        EditFile(copy, "openscap-profile-bridge.yaml", "description: OpenSCAP profile (bridge)", "description: OpenSCAP profile (bridge) v2");
        rig.Emulator.Requests.Clear();

        var report = await rig.Registrar.RegisterAsync(cancellationToken);

        Assert.That(report.Outcomes.Single(o => o.Kind == OutcomeKind.Conflict).Message, Does.Contain($"guid of profile '{source.Name}'"));
        Assert.That(rig.Writes(), Is.Empty);
        Assert.That(rig.Row(s => s.PolicyProfiles, source.Guid).Value<string>("description"), Is.EqualTo(source.Description));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Assign_ToAProvider_AssignsOnce_AndAssignToAtRegistrationDoesTheSame(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory, new Dictionary<string, string?> { ["Bridge:Policies:AssignTo:0"] = "1" });
        var guid = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile).Guid;

        var report = await rig.Registrar.RegisterAsync(cancellationToken);
        var profileId = rig.Row(s => s.PolicyProfiles, guid).Value<long>("id");
        rig.Emulator.Requests.Clear();
        var again = await rig.Registrar.AssignAsync([1], null, cancellationToken);

        Assert.That(report.Outcomes.Where(o => o.Kind == OutcomeKind.Assigned && o.ObjectKind == "assignment").Select(o => o.Id), Is.EqualTo(new long?[] { profileId }));
        Assert.That(rig.Emulator.Store.ProfilesOf(1), Is.EqualTo(new[] { profileId }));
        Assert.That(again.Outcomes.Select(o => o.Kind), Is.EqualTo(new[] { OutcomeKind.Unchanged }));
        Assert.That(rig.Writes(), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Unregister_RemovesOnlyWhatTheBridgeOwns_AndUnassignsIt(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        await rig.Registrar.RegisterAsync(cancellationToken);
        var bridgeProfile = rig.Row(s => s.PolicyProfiles, ShippedPolicyFiles.Load()[0].Guid).Value<long>("id");
        await rig.Registrar.AssignAsync([1], ShippedPolicyFiles.Load()[0].Name, cancellationToken);
        await rig.Client.AssignPolicyProfileAsync(1, 1, cancellationToken);
        var users = await rig.Client.CreateConditionAsync(new ConditionInput("users", "A user's condition", "ContainerImage", JObject.Parse("""{"=": {"field": "ContainerImage-name", "value": "x"}}""")), cancellationToken);

        var report = await rig.Unregistrar.UnregisterAsync(cancellationToken);
        rig.Emulator.Requests.Clear();
        var again = await rig.Unregistrar.UnregisterAsync(cancellationToken);

        Assert.That(report.HasFailures, Is.False, string.Join("\n", report.Outcomes));
        Assert.That(report.Outcomes.Count(o => o.Kind == OutcomeKind.Deleted), Is.EqualTo(6), string.Join("\n", report.Outcomes));
        Assert.That(rig.Emulator.Store.ProfilesOf(1), Is.EqualTo(new long[] { 1 }), "the seeded profile the user assigned stays");
        Assert.That(rig.Emulator.Store.Read(s => (s.PolicyProfiles.Count, s.Policies.Count, s.Conditions.Find(users.Id) is not null, s.PolicyProfiles.Find(bridgeProfile))), Is.EqualTo((1, 3, true, (JObject?)null)));
        Assert.That(again.Outcomes, Is.Empty);
        Assert.That(rig.Writes(), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PurgeAttributes_DeletesEveryOpenscapAttribute_AndNothingElse(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        await rig.Client.AddCustomAttributesAsync(1, [new CustomAttributeInput("openscap_status", "compliant"), new CustomAttributeInput("openscap_failed", "0"), new CustomAttributeInput("owner", "team-a")], cancellationToken);
        await rig.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_status", "non_compliant")], cancellationToken);
        var others = rig.Emulator.Store.Read(s => s.CustomAttributes.Rows.Count(r => !r.Value<string>("name")!.StartsWith("openscap_", StringComparison.Ordinal)));

        var report = await rig.Unregistrar.PurgeAttributesAsync(cancellationToken);

        Assert.That(report.Outcomes.Select(o => (o.Kind, o.Id)), Is.EqualTo(new[] { (OutcomeKind.Deleted, (long?)1), (OutcomeKind.Deleted, (long?)2) }));
        Assert.That(rig.Emulator.Store.Read(s => s.CustomAttributes.Rows.Select(r => r.Value<string>("name")).ToList()), Has.None.StartsWith("openscap_"));
        Assert.That(rig.Emulator.Store.Read(s => s.CustomAttributes.Rows.Count), Is.EqualTo(others));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StartupRegistration_RegistersWhenOn_AndDoesNothingWhenOff(CancellationToken cancellationToken)
    {
        await using var on = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        await using var off = await ControlRig.StartAsync(ShippedPolicyFiles.Directory, new Dictionary<string, string?> { ["Bridge:Policies:RegisterOnStart"] = "false" });

        var report = await on.Startup.RunAsync(cancellationToken);
        var none = await off.Startup.RunAsync(cancellationToken);

        Assert.That(report!.Outcomes.Count(o => o.Kind == OutcomeKind.Created), Is.EqualTo(6));
        Assert.That(none, Is.Null);
        Assert.That(off.Emulator.Requests.All, Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StartupRegistration_WhenManageIqDoesNotAnswer_ReportsNothingAndDoesNotThrow(CancellationToken cancellationToken)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory, baseUrl: new Uri($"http://127.0.0.1:{port}/"));

        Assert.That(await rig.Startup.RunAsync(cancellationToken), Is.Null);
    }

    /// <summary>Registers the copy, changes one file of it, and clears the request log for the run under test.</summary>
    private static async Task RegisterThenEditAsync(ControlRig rig, Testing.TempDirectory copy, string file, string find, string replace, CancellationToken cancellationToken)
    {
        await rig.Registrar.RegisterAsync(cancellationToken);
        EditFile(copy, file, find, replace);
        rig.Emulator.Requests.Clear();
    }

    private static void EditFile(Testing.TempDirectory copy, string file, string find, string replace)
    {
        var path = copy.Combine(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find));
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}

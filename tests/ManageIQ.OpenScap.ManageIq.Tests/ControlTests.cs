using System.Net;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests;

[CancelAfter(60_000)]
public sealed class ControlTests
{
    private static readonly JObject HighFailures = JObject.Parse("""{"<": {"field": "ContainerImage-virtual_custom_attribute_openscap_failed_high", "value": "1"}}""");

    [TestCase("containerimage_scan_complete", 3L)]
    [TestCase("containerimage_compliance_check", 5L)]
    [TestCase("containerimage_created", 4L)]
    public async Task FindEventDefinitionAsync_BuiltInName_ReturnsDefinition(string name, long id)
    {
        await using var h = await ClientHarness.StartAsync();
        var found = await h.Client.FindEventDefinitionAsync(name);
        Assert.That((found?.Id, found?.Name), Is.EqualTo((id, name)));
    }

    [TestCase("container_image_analyze", 1L)]
    [TestCase("container_image_annotate_scan_results", 2L)]
    [TestCase("compliance_failed", 5L)]
    [TestCase("check_compliance", 6L)]
    public async Task FindActionAsync_BuiltInName_ReturnsAction(string name, long id)
    {
        await using var h = await ClientHarness.StartAsync();
        var found = await h.Client.FindActionAsync(name);
        Assert.That((found?.Id, found?.ActionType), Is.EqualTo((id, "default")));
    }

    [Test]
    public async Task FindActionAsync_UnknownName_ReturnsNull()
    {
        await using var h = await ClientHarness.StartAsync();
        Assert.That(await h.Client.FindActionAsync("no_such_action"), Is.Null);
        Assert.That(await h.Client.FindPolicyProfileAsync("no such profile"), Is.Null);
    }

    [Test]
    public async Task CreateConditionAsync_Valid_IsListedAndEditable()
    {
        await using var h = await ClientHarness.StartAsync();
        var created = await h.Client.CreateConditionAsync(new ConditionInput("bridge_no_high", "Bridge: no high failures", "ContainerImage", HighFailures));
        Assert.That(created.Expression?["exp"]?.ToString(), Is.EqualTo(HighFailures.ToString()));
        var edited = await h.Client.EditConditionAsync(created.Id, new ConditionInput("bridge_no_high", "Bridge: no high failures (edited)", "ContainerImage", HighFailures));
        Assert.That(edited.Description, Is.EqualTo("Bridge: no high failures (edited)"));
        var all = await ClientHarness.ToListAsync(h.Client.GetConditionsAsync());
        Assert.That(all.Select(c => c.Name), Does.Contain("bridge_no_high").And.Contain("Do not scan image-inspector's image"));
        Assert.That((await h.Client.FindConditionAsync("bridge_no_high"))?.Id, Is.EqualTo(created.Id));
    }

    [Test]
    public async Task CreateConditionAsync_DuplicateName_ThrowsBadRequestWithManageIqMessage()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.CreateConditionAsync(new ConditionInput("dup", "first", "ContainerImage", HighFailures));
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.CreateConditionAsync(new ConditionInput("dup", "second", "ContainerImage", HighFailures)));
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(e.ServerMessage, Is.EqualTo("Failed to create a new condition - Validation failed: Name has already been taken"));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/conditions"), Has.Count.EqualTo(2), "a 400 is not retried");
    }

    [Test]
    public async Task OpenScapProfile_BuiltFromClientCalls_IsAssignedAndEnablesComplianceChecks()
    {
        await using var h = await ClientHarness.StartAsync();
        var client = h.Client;
        var checkEvent = (await client.FindEventDefinitionAsync("containerimage_compliance_check"))!;
        var nonCompliant = (await client.FindActionAsync("compliance_failed"))!;
        var annotate = (await client.FindActionAsync("container_image_annotate_scan_results"))!;
        var condition = await client.CreateConditionAsync(new ConditionInput("bridge_openscap_no_high", "Bridge OpenSCAP: no high failures", "ContainerImage", HighFailures));
        var policy = await client.CreatePolicyAsync(new PolicyInput(
            "bridge openscap policy", "Bridge OpenSCAP", PolicyInput.ComplianceMode, "ContainerImage", [condition.Id],
            [new PolicyEventContent(checkEvent.Id, [new PolicyEventAction(nonCompliant.Id), new PolicyEventAction(annotate.Id, PolicyEventAction.Both)])]));
        Assert.That((policy.Mode, policy.Towhat, policy.Active), Is.EqualTo(("compliance", "ContainerImage", (bool?)true)));
        var contents = h.Emulator.Store.Read(s => s.PolicyContents[policy.Id].ToList());
        Assert.That(contents.Select(c => (c.EventId, c.ActionId, c.Qualifier, c.Sequence)), Is.EqualTo(new[] { (5L, 5L, "failure", 1), (5L, 2L, "both", 2) }));

        var profile = await client.CreatePolicyProfileAsync(new PolicyProfileInput("Bridge OpenSCAP profile", "Bridge OpenSCAP profile"));
        var assigned = await client.AssignPoliciesAsync(profile.Id, [policy.Id]);
        Assert.That(assigned.Single().Message, Is.EqualTo($"Assigning Policy: id:'{policy.Id}' description:'Bridge OpenSCAP' guid:'{policy.Guid}'"));
        Assert.That((await client.GetProfilePoliciesAsync(profile.Id)).Select(p => p.Id), Is.EqualTo(new[] { policy.Id }));

        var e = Assert.ThrowsAsync<ManageIqApiException>(() => client.CheckComplianceAsync(1));
        Assert.That(e!.ServerMessage, Does.Contain("No compliance policies assigned"));

        var result = await client.AssignPolicyProfileAsync(1, profile.Id);
        Assert.That(result.Success, Is.True);
        Assert.That((await client.GetProviderPolicyProfilesAsync(1)).Select(p => p.Name), Is.EqualTo(new[] { "Bridge OpenSCAP profile" }));
        var check = await client.CheckComplianceAsync(1);
        Assert.That(check.Success && check.TaskId is not null, Is.True);
        Assert.That(h.Emulator.Store.ImageActions().Select(a => (a.Action, a.ImageId, a.TaskId)), Is.EqualTo(new[] { ("check_compliance", 1L, check.TaskId!.Value) }));

        await client.UnassignPolicyProfileAsync(1, profile.Id);
        Assert.That(await client.GetProviderPolicyProfilesAsync(1), Is.Empty);
    }

    [Test]
    public async Task EditPolicyAsync_NewContents_ReplacesContentsAndConditions()
    {
        await using var h = await ClientHarness.StartAsync();
        var policy = await h.Client.CreatePolicyAsync(new PolicyInput("p", "p", "control", "ContainerImage", [2], [new PolicyEventContent(4, [new PolicyEventAction(1, PolicyEventAction.Success)])]));
        var edited = await h.Client.EditPolicyAsync(policy.Id, new PolicyInput("p", "p edited", "control", "ContainerImage", [], [new PolicyEventContent(3, [new PolicyEventAction(6, PolicyEventAction.Success)])]));
        Assert.That(edited.Description, Is.EqualTo("p edited"));
        Assert.That(h.Emulator.Store.Read(s => s.PolicyConditions[policy.Id].Count), Is.Zero);
        Assert.That(h.Emulator.Store.Read(s => s.PolicyContents[policy.Id].Single()), Is.EqualTo(new Emulator.Store.PolicyContent(3, 6, "success", 1, true)));
    }

    [Test]
    public async Task CreatePolicyAsync_UnknownEvent_ThrowsBadRequest()
    {
        await using var h = await ClientHarness.StartAsync();
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.CreatePolicyAsync(new PolicyInput("p", "p", "control", "ContainerImage", [], [new PolicyEventContent(999, [new PolicyEventAction(1)])])));
        Assert.That(e!.ServerMessage, Is.EqualTo("Could not create the new policy - Couldn't find MiqEventDefinition with 'id'=999"));
    }

    [Test]
    public async Task AssignPolicyProfileAsync_MissingProfile_ThrowsNotFound()
    {
        await using var h = await ClientHarness.StartAsync();
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.AssignPolicyProfileAsync(1, 999999));
        Assert.That((e!.StatusCode, e.ServerMessage), Is.EqualTo((HttpStatusCode.NotFound, "Couldn't find MiqPolicySet with 'id'=999999")));
    }

    [Test]
    public async Task ScanContainerImageAsync_Image_IsRecordedWithTask()
    {
        await using var h = await ClientHarness.StartAsync();
        var result = await h.Client.ScanContainerImageAsync(2);
        Assert.That(result.Message, Is.EqualTo("Scanning Container Image id: 2 name: 'library/postgres'"));
        Assert.That(result.TaskHref, Is.EqualTo(new Uri(h.Emulator.BaseUri, $"api/tasks/{result.TaskId}")));
        Assert.That(h.Emulator.Store.ImageActions().Single(), Has.Property("Action").EqualTo("scan").And.Property("ImageId").EqualTo(2L));
    }

    [Test]
    public async Task ScanContainerImageAsync_WithoutScanEventDefinition_ThrowsWithFailedMessage()
    {
        var seed = Seeds.Default();
        var events = (JArray)seed["events"]!;
        events.Where(e => e.Value<string>("name") == "request_containerimage_scan").ToList().ForEach(e => e.Remove());
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new Emulator.EmulatorOptions { Seed = seed });
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.ScanContainerImageAsync(2));
        Assert.That((e!.StatusCode, e.ServerMessage), Is.EqualTo((HttpStatusCode.BadRequest, "Failed Scanning Container Image id: 2 name: 'library/postgres'")));
    }
}

using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 55-66: profiles, policies, conditions, actions, events, assignments, tasks.</summary>
[CancelAfter(30_000)]
public sealed class ControlFactsTests
{
    private const string OpenscapProfileGuid = "0bf2e43a-1211-11e6-aa9c-02424d459b45";

    [Test]
    public async Task Fact55_CreateProfile_ResultsAndDescriptionRequired()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/policy_profiles", new { action = "create", name = "New Policy Profile", description = "My Profile", mode = "compliance" });
        var created = body["results"]![0]!;
        Assert.That((status, created.Value<string>("name"), created.Value<string>("mode")), Is.EqualTo((200, "New Policy Profile", "compliance")));
        Assert.That(created.Value<string>("href"), Is.EqualTo($"{h.Api}/policy_profiles/{created.Value<string>("id")}"));
        var bad = await h.PostAsync("api/policy_profiles", new { action = "create", name = "x" });
        Assert.That((bad.Status, bad.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Failed to add a new policy_profiles resource - Validation failed: Description can't be blank")));
    }

    [Test]
    public async Task Fact56_ReadOnlyProfile_RefusesEditAndDelete()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.PostAsync("api/policy_profiles/1", new { action = "edit", resource = new { name = "x" } })).Status, Is.EqualTo(403));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "api/policy_profiles/1");
        Assert.That((await h.SendAsync(delete)).Status, Is.EqualTo(403));
        var id = (await h.PostAsync("api/policy_profiles", new { description = "mine" })).Body["results"]![0]!.Value<string>("id");
        var (status, edited) = await h.PostAsync($"api/policy_profiles/{id}", new { action = "edit", resource = new { name = "New Name" } });
        Assert.That((status, edited.Value<string>("name")), Is.EqualTo((200, "New Name")));
        var (_, deleted) = await h.PostAsync($"api/policy_profiles/{id}", new { action = "delete" });
        Assert.That(deleted.Value<string>("message"), Is.EqualTo($"Deleting Policy Profile id: {id} name: 'New Name'"));
    }

    [Test]
    public async Task Fact57_ProfilePolicies_ExpandedAndAsSubcollection()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, profile) = await h.GetAsync("api/policy_profiles/1?expand=policies");
        Assert.That(profile["policies"]!.Select(p => p.Value<string>("name")), Is.EqualTo(new[] { "openscap policy", "analyse incoming container images", "schedule compliance after smart state analysis" }));
        var (_, sub) = await h.GetAsync("api/policy_profiles/1/policies?expand=resources");
        Assert.That((sub.Value<string>("name"), sub.Value<int>("subcount")), Is.EqualTo(("policies", 3)));
    }

    [Test]
    public async Task Fact58_CreatePolicy_MissingKeysNamedInOrder()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/policies", new { name = "p", mode = "compliance", description = "d", towhat = "ContainerImage" });
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "Resource conditions_ids, policy_contents must be specified when creating a new policies")));
        var (ok, created) = await h.PostAsync("api/policies", new
        {
            name = "sample policy", description = "sample", mode = "compliance", towhat = "ExtManagementSystem", conditions_ids = new[] { 1 },
            policy_contents = new[] { new { event_id = 5, actions = new[] { new { action_id = 5, opts = new { qualifier = "failure" } } } } },
        });
        Assert.That((ok, created["results"]![0]!.Value<string>("towhat"), created["results"]![0]!.Value<bool>("active")), Is.EqualTo((200, "ExtManagementSystem", true)));
    }

    [Test]
    public async Task Fact59_EditPolicy_AnswersObjectAndReplacesContents()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, created) = await h.PostAsync("api/policies", new { name = "p", description = "d", mode = "control", towhat = "ContainerImage", conditions_ids = new[] { 2 }, policy_contents = new[] { new { event_id = 4, actions = new[] { new { action_id = 1, opts = new { qualifier = "success" } } } } } });
        var id = created["results"]![0]!.Value<string>("id");
        var (status, edited) = await h.PostAsync($"api/policies/{id}", new { action = "edit", resource = new { description = "just the description", conditions_ids = Array.Empty<int>() } });
        Assert.That((status, edited.Value<string>("description"), edited.ContainsKey("results")), Is.EqualTo((200, "just the description", false)));
        Assert.That((await h.GetAsync($"api/policies/{id}/conditions")).Body.Value<int>("subcount"), Is.Zero);
        Assert.That((await h.GetAsync($"api/policies/{id}/events")).Body.Value<int>("subcount"), Is.EqualTo(1), "contents were not given, so kept");
    }

    [Test]
    public async Task Fact60_Conditions_CreateBulkEditAndRole()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var expression = new JObject { ["="] = new JObject { ["field"] = "ContainerImage-architecture", ["value"] = "dsa" } };
        var (_, bulk) = await h.PostAsync("api/conditions", new { action = "create", resources = new[] { new { name = "c1", description = "d1", towhat = "ExtManagementSystem", expression }, new { name = "c2", description = "d2", towhat = "ExtManagementSystem", expression } } });
        Assert.That(((JArray)bulk["results"]!).Count, Is.EqualTo(2));
        var id = bulk["results"]![0]!.Value<string>("id");
        var (status, edited) = await h.PostAsync($"api/conditions/{id}", new { action = "edit", description = "edited" });
        Assert.That((status, edited.Value<string>("description")), Is.EqualTo((200, "edited")));
        var forbidden = await h.PostAsync("api/conditions", new { name = "c3", description = "d3", towhat = "Vm", expression }, ConventionsTests.Auditor);
        Assert.That(forbidden.Status, Is.EqualTo(403));
        var missing = await h.PostAsync("api/conditions", new { name = "c4" });
        Assert.That(missing.Body["error"]!.Value<string>("message"), Is.EqualTo("Failed to create a new condition - Validation failed: Description can't be blank, Expression can't be blank, Towhat can't be blank"));
    }

    [Test]
    public async Task Fact61And62_ActionsAndEvents_ReadByName()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, actions) = await h.GetAsync("api/actions?expand=resources&filter[]=" + Uri.EscapeDataString("name='container_image_analyze'"));
        Assert.That(actions["resources"]![0]!.Value<string>("description"), Is.EqualTo("Initiate SmartState Analysis for Container Image"));
        var (_, events) = await h.GetAsync("api/events?expand=resources&filter[]=" + Uri.EscapeDataString("name='containerimage_scan_complete'"));
        Assert.That((events.Value<string>("name"), events["resources"]![0]!.Value<string>("description")), Is.EqualTo(("events", "Container Image Analysis Complete")));
        Assert.That((await h.GetAsync("api/policies/1?expand=events")).Body["events"]![0]!.Value<string>("name"), Is.EqualTo("containerimage_compliance_check"));
        Assert.That((await h.GetAsync("api/events", ConventionsTests.Auditor)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Fact63_AssignProfileToProvider_MessageIdsAndUnassign()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { guid = OpenscapProfileGuid } } });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body["results"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"success":true,"message":"Assigning Policy Profile: id:'1' description:'OpenSCAP profile' guid:'{{OpenscapProfileGuid}}'","href":"{{h.Api}}/providers/1","policy_profile_id":"1","policy_profile_href":"{{h.Api}}/policy_profiles/1"}"""));
        Assert.That(h.Emulator.Store.ProfilesOf(1), Is.EqualTo(new[] { 1L }));
        var (_, unassigned) = await h.PostAsync("api/providers/1/policy_profiles", new { action = "unassign", resources = new[] { new { href = $"{h.Api}/policy_profiles/1" } } });
        Assert.That(unassigned["results"]![0]!.Value<string>("message"), Does.StartWith("Unassigning Policy Profile: id:'1'"));
        Assert.That(h.Emulator.Store.ProfilesOf(1), Is.Empty);
        Assert.That((await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { guid = OpenscapProfileGuid } } }, ConventionsTests.Auditor)).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Fact64_AssignmentErrors_BadGuidAndMissingHref()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resource = new { guid = "bogus" } });
        Assert.That((status, body["results"]![0]!.Value<string>("message")), Is.EqualTo((400, "Must specify a valid policy_profiles href or guid")));
        var missing = await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { href = $"{h.Api}/policy_profiles/999999" } } });
        Assert.That((missing.Status, missing.Body["error"]!.Value<string>("message")), Is.EqualTo((404, "Couldn't find MiqPolicySet with 'id'=999999")));
        var (_, none) = await h.GetAsync("api/providers/2/policy_profiles");
        Assert.That((none.Value<string>("name"), none.Value<int>("subcount")), Is.EqualTo(("policy_profiles", 0)));
    }

    [Test]
    public async Task Fact65_AddPoliciesToProfile_Message()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = (await h.PostAsync("api/policy_profiles", new { description = "mine" })).Body["results"]![0]!.Value<string>("id");
        var (status, body) = await h.PostAsync($"api/policy_profiles/{id}/policies", new { action = "assign", resources = new[] { new { guid = "14c7b8ee-120f-11e6-aa9c-02424d459b45" } } });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body["results"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"success":true,"message":"Assigning Policy: id:'1' description:'OpenSCAP' guid:'14c7b8ee-120f-11e6-aa9c-02424d459b45'","href":"{{h.Api}}/policy_profiles/{{id}}","policy_id":"1","policy_href":"{{h.Api}}/policies/1"}"""));
    }

    [Test]
    public async Task Fact66_Tasks_ReadAndDelete()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var taskId = (await h.PostAsync("api/container_images/2", new { action = "scan" })).Body.Value<string>("task_id");
        var (_, task) = await h.GetAsync($"api/tasks/{taskId}");
        Assert.That((task.Value<string>("name"), task.Value<string>("state"), task.Value<string>("userid")), Is.EqualTo(("Container Image Analysis: 'library/postgres'", "Queued", "admin")));
        Assert.That((await h.GetAsync("api/tasks", ConventionsTests.Auditor)).Status, Is.EqualTo(403));
        var (_, deleted) = await h.PostAsync($"api/tasks/{taskId}", new { action = "delete" });
        Assert.That(deleted.Value<string>("message"), Is.EqualTo($"Deleting Task id: {taskId} name: 'Container Image Analysis: 'library/postgres''"));
    }
}

using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// What registration needs of the Control collections, as the API does it: a guid given on create is kept (the
/// generic <c>create_resource</c> of conditions, profiles and actions; policy create keeps only its four columns and
/// edit sets the rest), <c>set_data</c> holds a profile's notes, <c>POST /api/actions</c> creates (fact 61), and
/// <c>attributes=miq_policy_contents</c> shows a policy's event/action rows.
/// </summary>
[CancelAfter(30_000)]
public sealed class ControlCreationTests
{
    private const string Guid1 = "7cf715bb-210f-4b33-b1e8-b9f84f85d068";
    private const string Guid2 = "5edd09f9-abd2-4175-9c0e-43d509e048ed";

    private static readonly object Expression = new Dictionary<string, object> { ["="] = new { field = "ContainerImage-name", value = "x" } };

    [Test]
    public async Task CreateCondition_WithGuidAndNotes_KeepsBoth_AndAGuidTakenIsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("api/conditions", new { action = "create", resource = new { name = "c", description = "c", towhat = "ContainerImage", expression = Expression, guid = Guid1, notes = "n" } });
        var again = await h.PostAsync("api/conditions", new { action = "create", resource = new { name = "d", description = "d", towhat = "ContainerImage", expression = Expression, guid = Guid1 } });

        var created = body["results"]![0]!;
        Assert.That((status, created.Value<string>("guid"), created.Value<string>("notes")), Is.EqualTo((200, Guid1, "n")));
        Assert.That((again.Status, again.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Failed to create a new condition - Validation failed: Guid has already been taken")));
    }

    [Test]
    public async Task CreateCondition_WithoutGuid_GetsANewOne()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (_, body) = await h.PostAsync("api/conditions", new { name = "c", description = "c", towhat = "ContainerImage", expression = Expression });

        Assert.That(Guid.TryParse(body["results"]![0]!.Value<string>("guid"), out _), Is.True);
    }

    [Test]
    public async Task CreatePolicy_DropsGuidAndNotesAsCreatePolicyDoes_AndEditSetsThem()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (_, body) = await h.PostAsync("api/policies", new
        {
            name = "p", description = "p", mode = "compliance", towhat = "ContainerImage", conditions_ids = Array.Empty<int>(), guid = Guid1, notes = "n",
            policy_contents = new[] { new { event_id = 5, actions = new[] { new { action_id = 5, opts = new { qualifier = "failure" } } } } },
        });
        var created = body["results"]![0]!;
        var (status, edited) = await h.PostAsync($"api/policies/{created.Value<string>("id")}", new { action = "edit", resource = new { guid = Guid1, notes = "n" } });

        Assert.That((created.Value<string>("guid"), created.Value<string?>("notes")), Is.Not.EqualTo((Guid1, "n")));
        Assert.That(created["notes"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That((status, edited.Value<string>("guid"), edited.Value<string>("notes")), Is.EqualTo((200, Guid1, "n")));
    }

    [Test]
    public async Task CreateProfile_WithGuidAndSetData_KeepsThem_AndEditReplacesSetData()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (_, body) = await h.PostAsync("api/policy_profiles", new { action = "create", resource = new { description = "mine", guid = Guid2, set_data = new { notes = "first" } } });
        var id = body["results"]![0]!.Value<string>("id");
        var (status, edited) = await h.PostAsync($"api/policy_profiles/{id}", new { action = "edit", resource = new { set_data = new { notes = "second" } } });
        var (_, shown) = await h.GetAsync($"api/policy_profiles/{id}");
        var bad = await h.PostAsync("api/policy_profiles", new { description = "other", set_data = "notes" });

        Assert.That((body["results"]![0]!.Value<string>("guid"), body["results"]![0]!["set_data"]!.Value<string>("notes")), Is.EqualTo((Guid2, "first")));
        Assert.That((status, edited["set_data"]!.Value<string>("notes"), shown["set_data"]!.Value<string>("notes")), Is.EqualTo((200, "second", "second")));
        Assert.That((bad.Status, bad.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Failed to add a new policy_profiles resource - Validation failed: Set data must be a hash")));
    }

    [Test]
    public async Task SeededProfile_RendersWithoutSetData_AsBefore()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (_, profile) = await h.GetAsync("api/policy_profiles/1");

        Assert.That(profile.ContainsKey("set_data"), Is.False);
    }

    [Test]
    public async Task Fact61_CreateAction_KeepsGuidAndOptions_AndListsIt()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("api/actions", new
        {
            action = "create",
            resource = new { name = "sample_action", description = "sample_action", action_type = "custom_automation", guid = Guid1, options = new { ae_message = "create", ae_request = "req", ae_hash = new { key = "value" } } },
        });
        var created = body["results"]![0]!;
        var (_, listed) = await h.GetAsync("api/actions?expand=resources&filter[]=name='sample_action'");

        Assert.That((status, created.Value<string>("guid"), created["options"]!.Value<string>("ae_request")), Is.EqualTo((200, Guid1, "req")));
        Assert.That(listed["resources"]!.Select(r => r.Value<string>("id")), Is.EqualTo(new[] { created.Value<string>("id") }));
    }

    [TestCase("bad name", "custom_automation", "sample", "Name may contain only alphanumeric and _ - characters")]
    [TestCase("ok", "launch_rockets", "sample", "Action type is not included in the list")]
    [TestCase("ok", "custom_automation", "Mark as Non-Compliant", "Description has already been taken")]
    [TestCase("compliance_failed", "custom_automation", "other", "Name has already been taken")]
    [TestCase("ok", "", "sample", "Action type can't be blank")]
    public async Task Fact61_CreateAction_ModelValidations(string name, string type, string description, string expected)
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("api/actions", new { name, description, action_type = type });

        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, $"Failed to add a new actions resource - Validation failed: {expected}")));
    }

    [Test]
    public async Task Fact61_EditAndDeleteAction()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.PostAsync("api/actions", new { name = "a1", description = "a1", action_type = "custom_automation" });
        var id = body["results"]![0]!.Value<string>("id");

        var (status, edited) = await h.PostAsync($"api/actions/{id}", new { action = "edit", resource = new { description = "a2" } });
        var (_, deleted) = await h.PostAsync($"api/actions/{id}", new { action = "delete" });
        var (gone, _) = await h.GetAsync($"api/actions/{id}");

        Assert.That((status, edited.Value<string>("description")), Is.EqualTo((200, "a2")));
        Assert.That(deleted.Value<string>("message"), Is.EqualTo($"Deleting Action id: {id} name: 'a1'"));
        Assert.That(gone, Is.EqualTo(404));
    }

    [Test]
    public async Task PolicyContents_OfTheSeededOpenscapPolicy_ShowQualifiersAndSequencesInPolicyContentsOrder()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (_, policy) = await h.GetAsync("api/policies/1?attributes=miq_policy_contents");
        var rows = policy["miq_policy_contents"]!.Select(r => (r.Value<string>("miq_action_id"), r.Value<string>("qualifier"), r.Value<int?>("failure_sequence"), r.Value<int?>("success_sequence"))).ToList();

        Assert.That(rows, Is.EqualTo(new[] { ("5", "failure", (int?)1, (int?)null), ("2", "failure", 2, null), ("2", "success", null, 3) }));
        Assert.That(policy["miq_policy_contents"]!.Select(r => r.Value<string>("miq_event_definition_id")), Is.All.EqualTo("5"));
    }
}

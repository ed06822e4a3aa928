using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// <c>check_compliance</c> evaluates the conditions of the compliance policies assigned through the image's provider
/// (contract facts 46-47; <c>Compliance.check_compliance</c>, <c>Condition.subst</c>, <c>MiqExpression._to_ruby</c>):
/// each operator the profiles and users' copies use, over <c>virtual_custom_attribute_</c> fields compared as strings.
/// </summary>
[CancelAfter(30_000)]
public sealed class ComplianceCheckTests
{
    private const string Status = "ContainerImage-virtual_custom_attribute_openscap_status:SECTION:metadata";
    private const string Failed = "ContainerImage-virtual_custom_attribute_openscap_failed:SECTION:metadata";

    private static JObject Leaf(string op, string field, string? value = null) =>
        new() { [op] = value is null ? new JObject { ["field"] = field } : new JObject { ["field"] = field, ["value"] = value } };

    private static JObject Logical(string op, params JObject[] operands) => new() { [op] = new JArray(operands) };

    private static IEnumerable<TestCaseData> Operators()
    {
        yield return new TestCaseData(Leaf("=", Status, "compliant"), "compliant", true).SetName("Equal_SameString_Passes");
        yield return new TestCaseData(Leaf("=", Status, "compliant"), "Compliant", false).SetName("Equal_IsCaseSensitive");
        yield return new TestCaseData(Leaf("=", Status, "compliant"), null, false).SetName("Equal_MissingAttribute_Fails");
        yield return new TestCaseData(Leaf("=", Failed, "0"), "00", false).SetName("Equal_ComparesStringsNotNumbers");
        yield return new TestCaseData(Leaf("!=", Status, "error"), "compliant", true).SetName("NotEqual_OtherString_Passes");
        yield return new TestCaseData(Leaf("!=", Status, "error"), "error", false).SetName("NotEqual_SameString_Fails");
        yield return new TestCaseData(Leaf("!=", Status, "error"), null, true).SetName("NotEqual_MissingAttributeIsEmptyString");
        yield return new TestCaseData(Leaf("IS EMPTY", Status), null, true).SetName("IsEmpty_MissingAttribute_Passes");
        yield return new TestCaseData(Leaf("IS EMPTY", Status), "", true).SetName("IsEmpty_EmptyValue_Passes");
        yield return new TestCaseData(Leaf("IS EMPTY", Status), "x", false).SetName("IsEmpty_Value_Fails");
        yield return new TestCaseData(Leaf("IS NOT EMPTY", Status), "x", true).SetName("IsNotEmpty_Value_Passes");
        yield return new TestCaseData(Leaf("IS NOT EMPTY", Status), null, false).SetName("IsNotEmpty_MissingAttribute_Fails");
        yield return new TestCaseData(Leaf("INCLUDES", Status, "compl"), "non_compliant", true).SetName("Includes_Substring_Passes");
        yield return new TestCaseData(Leaf("INCLUDES", Status, "a.b"), "axb", false).SetName("Includes_ValueIsLiteralNotRegex");
        yield return new TestCaseData(Leaf("INCLUDES", Status, "COMPL"), "compliant", false).SetName("Includes_IsCaseSensitive");
        yield return new TestCaseData(Leaf("STARTS WITH", Status, "compl"), "compliant", true).SetName("StartsWith_Prefix_Passes");
        yield return new TestCaseData(Leaf("STARTS WITH", Status, "compl"), "non_compliant", false).SetName("StartsWith_Infix_Fails");
        yield return new TestCaseData(Leaf("STARTS WITH", Status, "compl"), "x\ncompliant", true).SetName("StartsWith_RubyCaretMatchesEveryLine");
        yield return new TestCaseData(Logical("and", Leaf("=", Status, "compliant"), Leaf("=", Failed, "0")), "compliant", false).SetName("And_OneFalse_Fails");
        yield return new TestCaseData(Logical("or", Leaf("=", Status, "compliant"), Leaf("IS EMPTY", Status)), null, true).SetName("Or_OneTrue_Passes");
        yield return new TestCaseData(Logical("or", Leaf("=", Status, "compliant"), Leaf("=", Failed, "0")), "error", false).SetName("Or_NoneTrue_Fails");
        yield return new TestCaseData(new JObject { ["not"] = Leaf("=", Status, "error") }, "compliant", true).SetName("Not_InvertsFalse");
        yield return new TestCaseData(new JObject { ["not"] = Leaf("=", Status, "error") }, "error", false).SetName("Not_InvertsTrue");
    }

    [TestCaseSource(nameof(Operators))]
    public async Task CheckCompliance_EvaluatesTheCondition(JObject expression, string? status, bool compliant)
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssignPolicyAsync(h, expression);
        if (status is not null)
        {
            await h.PostAsync("api/container_images/1/custom_attributes", new { action = "add", resources = new[] { new { name = "openscap_status", value = status } } });
        }

        var (code, result) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });
        var (_, image) = await h.GetAsync("api/container_images/1?attributes=last_compliance_status,last_compliance_timestamp");

        Assert.That((code, result.Value<bool>("success")), Is.EqualTo((200, true)));
        Assert.That(image["last_compliance_status"]!.Type, Is.EqualTo(JTokenType.Boolean));
        Assert.That(image.Value<bool>("last_compliance_status"), Is.EqualTo(compliant));
        Assert.That(image.Value<string>("last_compliance_timestamp"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        var record = h.Emulator.Store.Compliances().Single();
        Assert.That((record.ImageId, record.Compliant, record.EventType), Is.EqualTo((1L, compliant, "containerimage_compliance_check")));
        Assert.That(record.Details.Single().ConditionResult, Is.EqualTo(compliant));
        Assert.That(h.Emulator.Store.RaisedEvents().Select(e => (e.EventName, e.TargetClass, e.TargetId)),
            Is.EqualTo(new[] { (compliant ? "containerimage_compliance_passed" : "containerimage_compliance_failed", "ContainerImage", 1L) }));
    }

    [Test]
    public async Task CheckCompliance_SectionIsPartOfTheLookup()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssignPolicyAsync(h, Leaf("=", "ContainerImage-virtual_custom_attribute_openscap_status", "compliant"));
        await h.PostAsync("api/container_images/1/custom_attributes", new { action = "add", resources = new[] { new { name = "openscap_status", value = "compliant" } } });

        await h.PostAsync("api/container_images/1", new { action = "check_compliance" });

        Assert.That(h.Emulator.Store.Compliances().Single().Compliant, Is.False, "a field without :SECTION: names the attributes without a section; the API posts to metadata");
    }

    [Test]
    public async Task CheckCompliance_FailingPolicyWithoutComplianceFailedAction_StaysCompliant()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssignPolicyAsync(h, Leaf("=", Status, "compliant"), actionId: 9);

        await h.PostAsync("api/container_images/1", new { action = "check_compliance" });

        var record = h.Emulator.Store.Compliances().Single();
        Assert.That((record.Compliant, record.Details.Single().PolicyResult), Is.EqualTo((true, false)), "only compliance_failed marks an image non-compliant");
    }

    [Test]
    public async Task CheckCompliance_SeededOpenScapProfile_FindOverNoRuleResultsIsCompliant()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/providers/1/policy_profiles", new { action = "assign", resources = new[] { new { guid = "0bf2e43a-1211-11e6-aa9c-02424d459b45" } } });

        await h.PostAsync("api/container_images/1", new { action = "check_compliance" });

        Assert.That(h.Emulator.Store.Compliances().Single().Compliant, Is.True, "not FIND(...) over no openscap_rule_results rows");
    }

    [Test]
    public async Task CheckCompliance_NoCompliancePolicy_Is400EnvelopeAndRecordsNothing()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });
        var (_, image) = await h.GetAsync("api/container_images/1?attributes=last_compliance_status");

        Assert.That((status, body["error"]!.Value<string>("kind"), body["error"]!.Value<string>("message")),
            Is.EqualTo((400, "bad_request", "Check Compliance for Container Image id: 1 name: 'openshift/nginx': No compliance policies assigned")));
        Assert.That(image["last_compliance_status"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(h.Emulator.Store.Compliances(), Is.Empty);
        Assert.That(h.Emulator.Store.RaisedEvents(), Is.Empty);
    }

    [Test]
    public async Task CheckCompliance_ProfileOnAnotherProvider_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssignPolicyAsync(h, Leaf("=", Status, "compliant"), providerId: 2);

        var (status, _) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });

        Assert.That(status, Is.EqualTo(400), "image 1 belongs to provider 1; policies reach an image through its own provider");
    }

    [Test]
    public async Task CheckCompliance_UnsupportedOperator_IsRefusedAsManageIqRaises()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AssignPolicyAsync(h, Leaf("REGULAR EXPRESSION MATCHES", Status, "x"));

        var (status, body) = await h.PostAsync("api/container_images/1", new { action = "check_compliance" });

        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "operator 'REGULAR EXPRESSION MATCHES' is not supported")));
    }

    /// <summary>A condition, a compliance policy on containerimage_compliance_check (event 5) running the action on failure (5: compliance_failed), a profile, assigned.</summary>
    private static async Task AssignPolicyAsync(EmulatorHarness h, JObject expression, int actionId = 5, int providerId = 1)
    {
        var (_, condition) = await h.PostAsync("api/conditions", new { name = "c", description = "c", towhat = "ContainerImage", expression });
        var (_, policy) = await h.PostAsync("api/policies", new
        {
            name = "p", description = "p", mode = "compliance", towhat = "ContainerImage",
            conditions_ids = new[] { condition["results"]![0]!.Value<long>("id") },
            policy_contents = new[] { new { event_id = 5, actions = new[] { new { action_id = actionId, opts = new { qualifier = "failure" } } } } },
        });
        var (_, profile) = await h.PostAsync("api/policy_profiles", new { action = "create", resource = new { description = "profile" } });
        var profileId = profile["results"]![0]!.Value<long>("id");
        await h.PostAsync($"api/policy_profiles/{profileId}/policies", new { action = "assign", resources = new[] { new { href = $"{h.Api}/policies/{policy["results"]![0]!.Value<long>("id")}" } } });
        var (assigned, _) = await h.PostAsync($"api/providers/{providerId}/policy_profiles", new { action = "assign", resources = new[] { new { href = $"{h.Api}/policy_profiles/{profileId}" } } });
        Assert.That(assigned, Is.EqualTo(200));
    }
}

using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Tests.Ruby;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.Publishing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Policies;

/// <summary>
/// The shipped policy files: ManageIQ's importer loads them (Debian's ruby, Psych, as <c>MiqPolicy.import</c> does) to
/// exactly what the C# reader reads; they name only ManageIQ built-ins and the attributes the bridge posts.
/// </summary>
public sealed partial class PolicyFilesTests
{
    private static IEnumerable<string> Files() => ShippedPolicyFiles.Files();

    [TestCaseSource(nameof(Files))]
    [CancelAfter(60_000)]
    public async Task File_LoadsWithPsychAsManageIqImports_ToTheCSharpReadersView(string path, CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();

        var ruby = await RubyPsych.LoadAsync(path, cancellationToken);
        var csharp = RubyYamlReader.ReadFile(path);

        Assert.That(JToken.DeepEquals(ruby, csharp), Is.True, $"Psych: {ruby}\nC#: {csharp}");
    }

    [TestCaseSource(nameof(Files))]
    public void File_IsAnArrayOfMiqPolicySetsWithTaggedExpressionsAndSymbolKeys(string path)
    {
        var view = RubyYamlReader.ReadFile(path);

        Assert.That(view, Is.InstanceOf<JArray>());
        Assert.That(view.Select(e => ((JObject)e).Properties().Single().Name), Is.All.EqualTo("MiqPolicySet"));
        var conditions = view.SelectTokens("$..Condition[*]").ToList();
        Assert.That(conditions, Is.Not.Empty);
        Assert.That(conditions.Select(c => c["expression"]![ControlView.MiqExpressionKey]), Is.All.InstanceOf<JObject>(), "every condition expression is a !ruby/object:MiqExpression");
        Assert.That(view.SelectTokens("$..set_data").OfType<JObject>().SelectMany(o => o.Properties()).Select(p => p.Name), Is.All.StartsWith(":"), "set_data keys are symbols");
        Assert.That(view.SelectTokens("$..MiqAction.options").OfType<JObject>().SelectMany(o => o.Properties()).Select(p => p.Name), Is.All.StartsWith(":"), "action options keys are symbols");
        Assert.That(File.ReadAllText(path), Does.Contain("container_image_analyze"), "the file says why ManageIQ's scan action is not used");
    }

    [Test]
    public void BridgeProfile_ChecksTheVerdictIsCompliant_AndMarksNonCompliantOnFailure()
    {
        var profile = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.BridgeProfile);
        var policy = profile.Policies.Single();

        Assert.That(profile.Description, Is.EqualTo("OpenSCAP profile (bridge)"));
        Assert.That(policy.Mode, Is.EqualTo("compliance"));
        Assert.That(policy.Towhat, Is.EqualTo("ContainerImage"));
        Assert.That(policy.Contents.Select(c => (c.Qualifier, c.EventName, c.Action?.Name, c.Action?.Description)),
            Is.EqualTo(new[] { ("failure", "containerimage_compliance_check", (string?)"compliance_failed", (string?)"Mark as Non-Compliant") }));
        Assert.That(policy.Conditions.Single().Expression.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo($$$"""{"=":{"field":"ContainerImage-virtual_custom_attribute_{{{OpenScapAttributeNames.Status}}}:SECTION:metadata","value":"compliant"}}"""));
    }

    [Test]
    public void StrictProfile_RefusesAnyFailedRule_WithEqualityOnTheString0()
    {
        var profile = ShippedPolicyFiles.Load().Single(p => p.Name == ShippedPolicyFiles.StrictProfile);
        var condition = profile.Policies.Single().Conditions.Single();

        Assert.That(profile.Description, Does.Contain("any failure is non-compliant"));
        Assert.That(condition.Expression.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo($$$"""{"=":{"field":"ContainerImage-virtual_custom_attribute_{{{OpenScapAttributeNames.Failed}}}:SECTION:metadata","value":"0"}}"""));
    }

    [Test]
    public void Conditions_UseEqualityOnly_OnAttributesTheBridgePosts()
    {
        var expressions = ShippedPolicyFiles.Load().SelectMany(p => p.Policies).SelectMany(p => p.Conditions).Select(c => c.Expression).ToList();
        var operators = expressions.SelectMany(e => e.DescendantsAndSelf().OfType<JProperty>()).Select(p => p.Name).Where(n => n is not ("field" or "value")).ToList();
        var attributes = expressions.SelectMany(e => e.SelectTokens("$..field")).Select(f => AttributeField().Match((string)f!)).ToList();

        Assert.That(operators, Is.All.AnyOf("=", "!=", "and", "or", "not"), "custom attribute values compare as strings: no < or >");
        Assert.That(attributes.Select(m => m.Success), Is.All.True, "every field is a custom attribute in section metadata");
        Assert.That(attributes.Select(m => m.Groups["name"].Value), Is.SubsetOf(OpenScapAttributeNames.All));
    }

    [Test]
    public void EventsAndActions_AreManageIqBuiltIns_NeverItsScanAction()
    {
        var seed = EmulatorSeed.Default();
        var events = ((JArray)seed["events"]!).ToDictionary(e => (string)e["name"]!, e => (string?)e["description"]);
        var actions = ((JArray)seed["actions"]!).ToDictionary(a => (string)a["description"]!, a => (string)a["name"]!);
        var contents = ShippedPolicyFiles.Load().SelectMany(p => p.Policies).SelectMany(p => p.Contents).ToList();

        Assert.That(contents.Select(c => c.EventName).Distinct(), Is.SubsetOf(events.Keys));
        Assert.That(contents.Where(c => c.EventDescription is not null).Select(c => (c.EventDescription, events[c.EventName])), Has.All.Matches<(string?, string?)>(p => p.Item1 == p.Item2));
        Assert.That(contents.Select(c => c.Action!.Description).Distinct(), Is.SubsetOf(actions.Keys), "built-ins are matched by description");
        Assert.That(contents.Select(c => (c.Action!.Name, actions[c.Action.Description])), Has.All.Matches<(string, string)>(p => p.Item1 == p.Item2));
        Assert.That(contents.Select(c => c.Action!.ActionType), Is.All.EqualTo("default"));
        Assert.That(contents.Select(c => c.Action!.Name), Has.None.EqualTo("container_image_analyze"));
    }

    [Test]
    public void Names_DoNotCollideWithManageIqsSeededObjects_AndGuidsAreFixed()
    {
        var seed = EmulatorSeed.Default();
        var profiles = ShippedPolicyFiles.Load();
        var policies = profiles.SelectMany(p => p.Policies).ToList();
        var conditions = policies.SelectMany(p => p.Conditions).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(profiles.Select(p => p.Name).Concat(profiles.Select(p => p.Description)), Has.None.AnyOf(SeedValues(seed, "policy_profiles")));
            Assert.That(policies.Select(p => p.Name).Concat(policies.Select(p => p.Description)), Has.None.AnyOf(SeedValues(seed, "policies")));
            Assert.That(conditions.Select(c => c.Name).Concat(conditions.Select(c => c.Description)), Has.None.AnyOf(SeedValues(seed, "conditions")));
            Assert.That(profiles.Select(p => p.Guid).Concat(policies.Select(p => p.Guid)).Concat(conditions.Select(c => c.Guid)), Is.Unique);
        });
    }

    private static string[] SeedValues(JObject seed, string table) =>
        [.. ((JArray)seed[table]!).SelectMany(r => new[] { (string)r["name"]!, (string)r["description"]! })];

    [GeneratedRegex("^ContainerImage-virtual_custom_attribute_(?<name>[a-z_]+):SECTION:metadata$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeField();
}

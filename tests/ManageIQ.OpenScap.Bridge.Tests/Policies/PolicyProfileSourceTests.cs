using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace ManageIQ.OpenScap.Bridge.Tests.Policies;

/// <summary>
/// The policy profile source must only name ManageIQ built-ins (events, actions) that exist on an
/// appliance (the emulator's seed carries ManageIQ's fixtures), and every condition a policy uses must be defined.
/// </summary>
public sealed class PolicyProfileSourceTests
{
    private static readonly string SourcePath = RepositoryRoot.Combine("policies", "openscap-profile.yaml");

    [Test]
    public void Events_AreManageIqBuiltIns()
    {
        var known = SeedNames("events");
        var used = Policies().SelectMany(p => Sequence(p, "events")).Select(e => Scalar(e, "event")).ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used, Is.SubsetOf(known));
    }

    [Test]
    public void Actions_AreManageIqBuiltIns()
    {
        var known = SeedNames("actions");
        var used = Policies()
            .SelectMany(p => Sequence(p, "events"))
            .SelectMany(e => Sequence(e, "success").Concat(Sequence(e, "failure")))
            .Select(a => Scalar(a, "action"))
            .ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used, Is.SubsetOf(known));
    }

    [Test]
    public void Conditions_UsedByPolicies_AreDefinedOnContainerImages()
    {
        var root = Load();
        var defined = Sequence(root, "conditions").ToDictionary(c => Scalar(c, "name"), c => Scalar(c, "towhat"));
        var used = Policies().SelectMany(p => Sequence(p, "conditions")).Select(c => ((YamlScalarNode)c).Value!).ToList();

        Assert.That(used, Is.SubsetOf(defined.Keys));
        Assert.That(defined.Values, Is.All.EqualTo("ContainerImage"));
    }

    [Test]
    public void Profile_HasComplianceAndNamesDoNotCollideWithManageIqSeed()
    {
        var seeded = SeedNames("policies").Concat(SeedNames("policy_profiles")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = Policies().Select(p => Scalar(p, "name")).Append(Scalar((YamlMappingNode)Load()["profile"], "name")).ToList();

        Assert.That(Policies().Select(p => Scalar(p, "mode")), Does.Contain("compliance"));
        Assert.That(names.Where(seeded.Contains), Is.Empty, "the bridge's names must not clash with ManageIQ's read-only fixtures");
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(SourcePath);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Policies() => Sequence(Load(), "policies").Cast<YamlMappingNode>();

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode seq
            ? seq.Children
            : [];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    private static HashSet<string> SeedNames(string table) =>
        ((JArray)EmulatorSeed.Default()[table]!).Select(t => (string)t["name"]!).ToHashSet(StringComparer.Ordinal);
}

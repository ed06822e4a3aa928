using System.Reflection;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Contracts.Tests.Source;

/// <summary>One definition of each wire name: no endpoint path, artifact file name or flag name is spelled out twice under src/.</summary>
public class WireNamesTests
{
    // ManageIQ's REST API (the client and its emulator) is another wire with its own "/api": not the inspector's.
    // The demo drives umoci, skopeo and mmdebstrap, whose flags (umoci's --image) are theirs.
    private static readonly string[] OtherWires = ["/src/ManageIQ.OpenScap.ManageIq/", "/src/ManageIQ.OpenScap.ManageIq.Emulator/", "/src/ManageIQ.OpenScap.Demo/"];

    private static readonly Lazy<IReadOnlyList<(string File, string Text)>> Sources = new(() =>
        [.. Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !OtherWires.Any(w => f.Contains(w, StringComparison.Ordinal)))
            .Select(f => (f, File.ReadAllText(f)))]);

    public static IEnumerable<TestCaseData> WireNames() =>
        new[] { typeof(InspectorPaths), typeof(InspectorArtifacts), typeof(InspectorFlagNames) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .Select(f => new TestCaseData((string)f.GetRawConstantValue()!).SetArgDisplayNames($"{f.DeclaringType!.Name}.{f.Name}"));

    [TestCaseSource(nameof(WireNames))]
    public void WireName_IsSpelledOutOnce(string value)
    {
        // The value in a string literal, whole, or (for a path) without its leading slash, or as a --flag=value prefix.
        var bare = Regex.Escape(value.TrimStart('/'));
        var literal = new Regex("\"/?" + bare + "(=[^\"]*)?\"");
        var places = Sources.Value.SelectMany(s => literal.Matches(s.Text).Select(m => $"{Path.GetRelativePath(RepositoryRoot.Path, s.File)}: {m.Value}")).ToList();
        Assert.That(places, Has.Count.EqualTo(1), string.Join("\n", places));
        Assert.That(places[0], Does.StartWith("src/ManageIQ.OpenScap.Contracts/"));
    }

    [TestCase("report.html")]
    public void OldArtifactName_IsGone(string value)
    {
        Assert.That(Sources.Value.Where(s => s.Text.Contains('"' + value + '"', StringComparison.Ordinal)).Select(s => s.File), Is.Empty);
    }
}

using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Probing;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.ManageIq.Tests.Probing;

/// <summary>docs/manageiq-setup.md follows <see cref="ManageIqFeatures"/> and <see cref="SupportedManageIq"/>, the one list and the one floor.</summary>
public sealed partial class SetupDocumentTests
{
    private static readonly string Document = File.ReadAllText(RepositoryRoot.Combine("docs", "manageiq-setup.md"));

    [Test]
    public void Document_NamesEveryCallWithItsFeaturesAndRoleEditorName()
    {
        foreach (var call in ManageIqFeatures.All)
        {
            var features = call.IsGated ? string.Join(" (or ", call.Identifiers.Select(i => $"`{i}`")) + (call.Identifiers.Count > 1 ? ")" : string.Empty) : "none";
            var method = call.Action is null ? $"`{call.Method} {call.Path}`" : $"`{call.Method} {call.Path}` `";
            var row = Document.Split('\n').Where(l => l.StartsWith($"| {features} |", StringComparison.Ordinal) && l.Contains(method, StringComparison.Ordinal) && l.Contains(call.Purpose, StringComparison.Ordinal));
            Assert.That(row, Is.Not.Empty, $"a table row for {call.Request}: {features}, {call.UiName}, {call.Purpose}");
            if (call.UiName is { } ui)
            {
                Assert.That(row, Has.Some.Contains($"| {ui} |"), call.Request);
            }
        }
    }

    [Test]
    public void Document_RoleExample_GrantsExactlyTheMinimalRole()
    {
        var granted = Identifier().Matches(Document).Select(m => m.Groups[1].Value).ToList();
        Assert.That(granted, Is.EqualTo(ProbeUsers.MinimalRole()));
    }

    [Test]
    public void Document_StatesTheFloor()
    {
        Assert.That(Document, Does.Contain($"**ManageIQ {SupportedManageIq.MinimumRelease}, API version\n{SupportedManageIq.MinimumApiVersion}**").Or.Contain($"ManageIQ {SupportedManageIq.MinimumRelease}, API version {SupportedManageIq.MinimumApiVersion}"));
        Assert.That(Document, Does.Contain($"| **{SupportedManageIq.MinimumRelease}** | **{SupportedManageIq.MinimumApiVersion}** |"));
        Assert.That(Document, Does.Contain("**No CloudForms release is supported.**"));
    }

    [GeneratedRegex("""\{"identifier": "([a-z_]+)"\}""")]
    private static partial Regex Identifier();
}

using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Publishing.Tests;

/// <summary>The conditions in <c>policies/</c> read exactly the attributes publishing writes.</summary>
public sealed partial class PolicyAttributeNamesTests
{
    [Test]
    public void Policies_NameOnlyAttributesThatPublishingWrites()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "policies"), "*.y*ml");
        Assert.That(files, Is.Not.Empty);
        var named = files.SelectMany(f => AttributeField().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named, Is.SubsetOf(OpenScapAttributeNames.All));
    }

    [GeneratedRegex(@"virtual_custom_attribute_(openscap_[a-z_]+)")]
    private static partial Regex AttributeField();
}

using ManageIQ.OpenScap.Scap.Reading;

namespace ManageIQ.OpenScap.Scap.Tests.Reading;

public sealed class OvalResultMappingTests
{
    [TestCase("true", "vulnerability", "fail")]
    [TestCase("false", "vulnerability", "pass")]
    [TestCase("true", "patch", "fail")]
    [TestCase("true", "compliance", "pass")]
    [TestCase("false", "compliance", "fail")]
    [TestCase("true", "inventory", "pass")]
    [TestCase("true", null, "pass")]
    [TestCase("unknown", "vulnerability", "unknown")]
    [TestCase("error", "vulnerability", "error")]
    [TestCase("not evaluated", "vulnerability", "notchecked")]
    [TestCase("not applicable", "compliance", "notapplicable")]
    public void TryMap_OvalResult_GivesOpenScapXccdfResult(string oval, string? definitionClass, string expected)
    {
        var mapped = OvalResultMapping.TryMap(oval, definitionClass, out var result);

        Assert.Multiple(() =>
        {
            Assert.That(mapped, Is.True);
            Assert.That(XccdfResults.Names[(int)result], Is.EqualTo(expected));
        });
    }

    [TestCase("TRUE")]
    [TestCase("yes")]
    [TestCase("")]
    public void TryMap_UnknownWord_IsRefused(string oval) =>
        Assert.That(OvalResultMapping.TryMap(oval, "vulnerability", out _), Is.False);
}

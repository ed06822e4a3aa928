using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq.Tests;

public sealed class CustomAttributeInputTests
{
    [TestCase("openscap_failed_high", true)]
    [TestCase("_private", true)]
    [TestCase("cost$usd", true)]
    [TestCase("Ünïcode_ok2", true)]
    [TestCase("2fast", false)]
    [TestCase("has-dash", false)]
    [TestCase("has space", false)]
    [TestCase("dotted.name", false)]
    [TestCase("$start", false)]
    [TestCase("", false)]
    public void IsValidName_ManageIqRule_AcceptsOnlyLetterOrUnderscoreStart(string name, bool valid)
    {
        Assert.That(CustomAttributeInput.IsValidName(name), Is.EqualTo(valid));
        if (valid)
        {
            Assert.That(() => new CustomAttributeInput(name, "v"), Throws.Nothing);
        }
        else
        {
            Assert.That(() => new CustomAttributeInput(name, "v"), Throws.ArgumentException.With.Message.Contains("not a valid ManageIQ custom attribute name"));
        }
    }

    [TestCase("labels")]
    [TestCase("docker_labels")]
    [TestCase("bad_section")]
    public void Constructor_SectionOutsideApiSections_Throws(string section) =>
        Assert.That(() => new CustomAttributeInput("a", "v", section), Throws.ArgumentException.With.Message.Contains(section));

    [Test]
    public void Timestamp_AnyOffset_IsUtcIsoWithDateTimeFieldType()
    {
        var input = CustomAttributeInput.Timestamp("openscap_scanned_on", new DateTimeOffset(2026, 3, 1, 12, 30, 5, TimeSpan.FromHours(2)));
        Assert.That(input.Value, Is.EqualTo("2026-03-01T10:30:05Z"));
        Assert.That(input.FieldType, Is.EqualTo("DateTime"));
        Assert.That(input.Section, Is.EqualTo("metadata"));
    }
}

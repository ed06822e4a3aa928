using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Values land in the text column as ManageIQ stores them: strings verbatim, other JSON values as Rails casts them.</summary>
[CancelAfter(30_000)]
public sealed class CustomAttributeValueTests
{
    [TestCase("line one\nline two", TestName = "Newline")]
    [TestCase("say \"hi\"", TestName = "InnerQuotes")]
    [TestCase("\"quoted\"", TestName = "OuterQuotes")]
    [TestCase("C:\\temp\\new", TestName = "Backslashes")]
    [TestCase("tab\there\u0001", TestName = "ControlCharacters")]
    [TestCase("naïve – 日本語 – 🛡️", TestName = "Unicode")]
    [TestCase("{\"a\":[1,2]}", TestName = "JsonLookingText")]
    [TestCase("", TestName = "Empty")]
    public async Task Add_StringValue_IsStoredAndListedVerbatim(string value)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, added) = await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "openscap_notes", value } } });
        Assert.That((status, added["results"]![0]!.Value<string>("value")), Is.EqualTo((200, value)));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Single().Value<string>("value"), Is.EqualTo(value));
        var (_, listed) = await h.GetAsync("api/container_images/2/custom_attributes?expand=resources");
        Assert.That(listed["resources"]![0]!.Value<string>("value"), Is.EqualTo(value));
    }

    [Test]
    public async Task Edit_StringValue_IsStoredVerbatim()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "openscap_notes", value = "x" } } });
        await h.PostAsync("api/container_images/2/custom_attributes", new { action = "edit", resources = new[] { new { name = "openscap_notes", value = "a\n\"b\"\\c" } } });
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Single().Value<string>("value"), Is.EqualTo("a\n\"b\"\\c"));
    }

    [TestCase("3", "3")]
    [TestCase("0.0", "0.0")]
    [TestCase("true", "t")]
    [TestCase("false", "f")]
    [TestCase("null", null)]
    public async Task Add_NonStringValue_IsStoredAsRailsCastsItToText(string json, string? stored)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, added) = await h.PostAsync("api/container_images/2/custom_attributes", $$"""{"action":"add","resources":[{"name":"n","value":{{json}}}]}""");
        Assert.That((status, added["results"]![0]!.Value<string>("value")), Is.EqualTo((200, stored)));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Single()["value"]!.Type, Is.EqualTo(stored is null ? JTokenType.Null : JTokenType.String));
    }
}

using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>The emulator reuses filtered listings and renderings only while the table is unchanged.</summary>
[CancelAfter(30_000)]
public sealed class CachingTests
{
    [Test]
    public async Task Listing_AfterCreate_SeesTheNewRow()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var query = "api/conditions?expand=resources&sort_by=name&filter[]=" + Uri.EscapeDataString("towhat='ContainerImage'");
        Assert.That((await h.GetAsync(query)).Body.Value<int>("subquery_count"), Is.EqualTo(2));
        await ResourceAndImageTests.NewConditionAsync(h, "AAA");
        var (_, body) = await h.GetAsync(query);
        Assert.That((body.Value<int>("subquery_count"), body["resources"]![0]!.Value<string>("name")), Is.EqualTo((3, "AAA")));
    }

    [Test]
    public async Task Show_AfterEdit_RendersTheNewValues()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await ResourceAndImageTests.NewConditionAsync(h, "c");
        Assert.That((await h.GetAsync($"api/conditions/{id}")).Body.Value<string>("description"), Is.EqualTo("c description"));
        await h.PostAsync($"api/conditions/{id}", new { action = "edit", description = "changed" });
        Assert.That((await h.GetAsync($"api/conditions/{id}")).Body.Value<string>("description"), Is.EqualTo("changed"));
        Assert.That((await h.GetAsync($"api/conditions?expand=resources&filter[]=name='c'")).Body["resources"]![0]!.Value<string>("description"), Is.EqualTo("changed"));
    }

    [Test]
    public async Task LargePage_FromCachedRows_IsTheCompactJsonOfTheRendering()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = Seeding.GeneratedSeed.Create(2, 300) });
        const string query = "api/container_images?expand=resources&limit=250&sort_by=id";
        var first = await h.Http.GetStringAsync(query);
        var again = await h.Http.GetStringAsync(query);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(EmulatorHarness.Parse(first).ToString(Newtonsoft.Json.Formatting.None)));
        Assert.That(((JArray)EmulatorHarness.Parse(first)["resources"]!).Count, Is.EqualTo(250));
    }

    [Test]
    public async Task Show_FromCachedRow_AnswersTheSameText()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.Http.GetStringAsync("api/container_images/2");
        var again = await h.Http.GetStringAsync("api/container_images/2");
        Assert.That(again, Is.EqualTo(first));
        Assert.That(EmulatorHarness.Parse(again).Value<string>("id"), Is.EqualTo("2"));
    }

    [Test]
    public async Task Show_DifferentGroups_RenderTheirOwnActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.GetAsync("api/container_images/1")).Body.ContainsKey("actions"), Is.True);
        Assert.That((await h.GetAsync("api/container_images/1", ConventionsTests.Auditor)).Body.ContainsKey("actions"), Is.False);
        Assert.That(((JArray)(await h.GetAsync("api/container_images?expand=resources", ConventionsTests.Auditor)).Body["resources"]![0]!["actions"]!)?.Count ?? 0, Is.Zero);
    }
}

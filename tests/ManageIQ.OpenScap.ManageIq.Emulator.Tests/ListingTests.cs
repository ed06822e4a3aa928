using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 21-27: collection shape, paging always on, counts, pages, links, offset/limit errors.</summary>
[CancelAfter(30_000)]
public sealed class ListingTests
{
    [Test]
    public async Task Fact21_DefaultShape_KeysInOrderHrefOnlyResources()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.GetAsync("api/container_images");
        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "name", "count", "subcount", "pages", "resources", "actions", "links" }));
        Assert.That(body["resources"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($$"""{"href":"{{h.Api}}/container_images/1"}"""));
    }

    [Test]
    public async Task Fact22_NoPagingParameters_StillHasPagesAndLinks()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.GetAsync("api/providers");
        Assert.That(body.Value<int>("pages"), Is.EqualTo(1));
        Assert.That(body["links"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"self":"{{h.Api}}/providers?offset=0","first":"{{h.Api}}/providers?offset=0","last":"{{h.Api}}/providers?offset=0"}"""));
    }

    [Test]
    public async Task Fact23_Counts_CountIgnoresFilterSubqueryCountOnlyWithFilter()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, filtered) = await h.GetAsync("api/container_images?filter[]=ems_id=1&limit=1");
        Assert.That((filtered.Value<int>("count"), filtered.Value<int>("subcount"), filtered.Value<int>("subquery_count")), Is.EqualTo((6, 1, 3)));
        var (_, plain) = await h.GetAsync("api/container_images?limit=1");
        Assert.That(plain.ContainsKey("subquery_count"), Is.False);
    }

    [TestCase(2, 3)]
    [TestCase(4, 2)]
    [TestCase(6, 1)]
    public async Task Fact24_Pages_IsCeilingOfTotalOverLimit(int limit, int pages)
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.That((await h.GetAsync($"api/container_images?limit={limit}")).Body.Value<int>("pages"), Is.EqualTo(pages));
        Assert.That((await h.GetAsync("api/container_images?filter[]=name='nothing'&limit=2")).Body.Value<int>("pages"), Is.Zero);
    }

    [Test]
    public async Task Fact25_Links_MiddlePageHasAllAndOffsetIsReplaced()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var links = (await h.GetAsync("api/container_images?offset=2&limit=2")).Body["links"]!;
        Assert.That(links.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            $$"""{"self":"{{h.Api}}/container_images?offset=2&limit=2","next":"{{h.Api}}/container_images?offset=4&limit=2","previous":"{{h.Api}}/container_images?offset=0&limit=2","first":"{{h.Api}}/container_images?offset=0&limit=2","last":"{{h.Api}}/container_images?offset=6&limit=2"}"""));
        var lastPage = (await h.GetAsync("api/container_images?offset=4&limit=2")).Body["links"]!;
        Assert.That(lastPage["next"], Is.Null);
    }

    [Test]
    public async Task Fact26_LimitAboveMaximum_IsSilentlyCapped()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { MaxResultsPerPage = 2 });
        var (status, body) = await h.GetAsync("api/container_images?limit=3");
        Assert.That((status, body.Value<int>("count"), body.Value<int>("subcount")), Is.EqualTo((200, 6, 2)));
        var beyond = (await h.GetAsync("api/container_images?offset=100")).Body;
        Assert.That((beyond.Value<int>("subcount"), ((JArray)beyond["resources"]!).Count), Is.EqualTo((0, 0)));
    }

    [TestCase("limit=abc", "Non numeric parameter: limit")]
    [TestCase("offset=0'", "Non numeric parameter: offset")]
    [TestCase("limit=0&offset=0", "Limit must be greater than zero if offset is specified")]
    public async Task Fact27_BadPaging_Is400(string query, string message)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images?" + query);
        Assert.That((status, body["error"]!.Value<string>("kind"), body["error"]!.Value<string>("message")), Is.EqualTo((400, "bad_request", message)));
    }

    [Test]
    public async Task Fact36_SubcollectionCount_IsWholeClassSubcountIsMembers()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/container_images/2/custom_attributes", new { action = "add", resources = new[] { new { name = "a", value = "1" } } });
        var (_, body) = await h.GetAsync("api/container_images/1/custom_attributes");
        Assert.That((body.Value<string>("name"), body.Value<int>("count"), body.Value<int>("subcount")), Is.EqualTo(("custom_attributes", 2, 1)));
        Assert.That(body["resources"]![0]!.Value<string>("href"), Is.EqualTo($"{h.Api}/container_images/1/custom_attributes/1"));
        var missing = await h.GetAsync("api/container_images/999/custom_attributes");
        Assert.That((missing.Status, missing.Body["error"]!.Value<string>("message")), Is.EqualTo((404, "Couldn't find ContainerImage with 'id'=999")));
    }
}

using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// <c>attributes=custom_attributes</c> on images and providers: the association rendered in each resource as
/// ManageIQ's normalizer does (every column, ids as strings, no href), in pages, and never stale.
/// </summary>
[CancelAfter(30_000)]
public sealed class CustomAttributeListingTests
{
    [Test]
    public async Task ImageListing_WithCustomAttributes_EmbedsEachImagesAttributesPageByPage()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await AddAsync(h, 2, ("openscap_digest", "sha256:aa"), ("openscap_content", "fp-1"));
        await AddAsync(h, 3, ("openscap_scanned_on", "2026-02-03T04:05:06Z"));

        var first = (await h.GetAsync("api/container_images?expand=resources&attributes=name,digest,custom_attributes&sort_by=id&offset=0&limit=2")).Body;
        var second = (await h.GetAsync("api/container_images?expand=resources&attributes=name,digest,custom_attributes&sort_by=id&offset=2&limit=2")).Body;
        Assert.That(first["links"]!.Value<string>("next"), Does.EndWith("offset=2&limit=2"));
        var images = first["resources"]!.Concat(second["resources"]!).ToList();
        Assert.That(((JObject)images[0]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "href", "id", "name", "digest", "custom_attributes" }));

        var image1 = (JArray)images[0]!["custom_attributes"]!;
        Assert.That(image1.Select(a => (a.Value<string>("section"), a.Value<string>("name"), a.Value<string>("value"))), Is.EqualTo(new[] { ("labels", "app", "nginx") }), "refresh's labels are listed too");
        var image2 = (JArray)images[1]!["custom_attributes"]!;
        Assert.That(image2.Select(a => (a.Value<string>("name"), a.Value<string>("value"))), Is.EqualTo(new[] { ("openscap_digest", "sha256:aa"), ("openscap_content", "fp-1") }));
        Assert.That(((JArray)images[2]!["custom_attributes"]!).Single().Value<string>("value"), Is.EqualTo("2026-02-03T04:05:06Z"));
        Assert.That(images[3]!["custom_attributes"], Is.EqualTo(new JArray()), "an image without attributes gets an empty array");

        var attribute = (JObject)image2[0]!;
        Assert.That(attribute.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "id", "section", "name", "value", "resource_type", "resource_id", "source", "description", "value_interpolated", "unique_name", "serialized_value", "created_on", "updated_on",
        }), "no href: custom_attributes is no collection, so the normalizer builds none");
        Assert.That((attribute["id"]!.Type, attribute.Value<string>("resource_id"), attribute.Value<string>("resource_type")), Is.EqualTo((JTokenType.String, "2", "ContainerImage")));
    }

    [Test]
    public async Task ImageListing_OnlyTheVirtualAttribute_KeepsTheFullObjectAndActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images?expand=resources&attributes=custom_attributes&filter[]=id=1");
        var image = body["resources"]!.Single();
        Assert.That(status, Is.EqualTo(200));
        Assert.That(image.Value<string>("digest"), Is.Not.Null);
        Assert.That(image["custom_attributes"]!.Single().Value<string>("name"), Is.EqualTo("app"));
        Assert.That(image["actions"]!.Select(a => a.Value<string>("name")), Is.EqualTo(new[] { "check_compliance", "scan" }));
    }

    [Test]
    public async Task ImageListing_AfterAWrite_ShowsTheNewValue()
    {
        await using var h = await EmulatorHarness.StartAsync();
        const string Query = "api/container_images?expand=resources&attributes=name,custom_attributes&filter[]=id=2";
        await AddAsync(h, 2, ("openscap_status", "compliant"));
        Assert.That(Values(await h.GetAsync(Query)), Is.EqualTo(new[] { "compliant" }));
        await AddAsync(h, 2, ("openscap_status", "non_compliant"));
        Assert.That(Values(await h.GetAsync(Query)), Is.EqualTo(new[] { "non_compliant" }), "a cached rendering of the page is not reused after an attribute changes");
        await h.PostAsync("api/container_images/2/custom_attributes", new { action = "delete", resources = new[] { new { name = "openscap_status" } } });
        Assert.That(Values(await h.GetAsync(Query)), Is.Empty);
    }

    [Test]
    public async Task ImageShow_WithCustomAttributes_IsNeverStale()
    {
        await using var h = await EmulatorHarness.StartAsync();
        const string Query = "api/container_images/2?attributes=custom_attributes";
        Assert.That((await h.GetAsync(Query)).Body["custom_attributes"], Is.EqualTo(new JArray()));
        await AddAsync(h, 2, ("openscap_status", "error"));
        Assert.That((await h.GetAsync(Query)).Body["custom_attributes"]!.Single().Value<string>("value"), Is.EqualTo("error"));
    }

    [Test]
    public async Task LargeListing_EveryImageCarriesItsOwnAttributes()
    {
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = Seeding.GeneratedSeed.Create(2, 2_500) });
        foreach (var id in new[] { 1, 1_000, 1_001, 2_500 })
        {
            await AddAsync(h, id, ("openscap_digest", $"sha256:{id}"));
        }

        var digests = new Dictionary<string, string?>();
        for (var offset = 0; offset < 2_500; offset += 1_000)
        {
            var (_, page) = await h.GetAsync($"api/container_images?expand=resources&attributes=id,custom_attributes&filter[]=deleted_on=NULL&sort_by=id&offset={offset}&limit=1000");
            foreach (var image in page["resources"]!)
            {
                digests[image.Value<string>("id")!] = image["custom_attributes"]!.SingleOrDefault()?.Value<string>("value");
            }
        }

        Assert.That(digests, Has.Count.EqualTo(2_500));
        Assert.That(digests.Where(d => d.Value is not null).Select(d => (d.Key, d.Value)), Is.EqualTo(new[]
        {
            ("1", (string?)"sha256:1"), ("1000", "sha256:1000"), ("1001", "sha256:1001"), ("2500", "sha256:2500"),
        }));
    }

    [Test]
    public async Task ProviderListing_WithCustomAttributes_EmbedsTheProvidersOwn()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/providers/1/custom_attributes", new { action = "add", resources = new[] { new { name = "bridge_note", value = "watched" } } });
        var (_, body) = await h.GetAsync("api/providers?expand=resources&attributes=name,custom_attributes&sort_by=id");
        Assert.That(body["resources"]!.Select(p => p["custom_attributes"]!.Select(a => a.Value<string>("value")).ToList()),
            Is.EqualTo(new[] { new List<string?> { "watched" }, [] }));
        Assert.That(body["resources"]![0]!["custom_attributes"]![0]!.Value<string>("resource_type"), Is.EqualTo("ExtManagementSystem"));
    }

    private static IEnumerable<string?> Values((int Status, JObject Body) answer) =>
        answer.Body["resources"]!.Single()["custom_attributes"]!.Select(a => a.Value<string>("value"));

    private static async Task AddAsync(EmulatorHarness h, long imageId, params (string Name, string Value)[] attributes)
    {
        var (status, _) = await h.PostAsync($"api/container_images/{imageId}/custom_attributes", new { action = "add", resources = attributes.Select(a => new { name = a.Name, value = a.Value }) });
        Assert.That(status, Is.EqualTo(200));
    }
}

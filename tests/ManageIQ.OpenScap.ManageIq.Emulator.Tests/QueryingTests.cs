using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>Contract facts 28-35: expand, attributes, filters, sorting, collection_class, collection actions.</summary>
[CancelAfter(30_000)]
public sealed class QueryingTests
{
    [Test]
    public async Task Fact28_ExpandResources_FullObjectsWithActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = (await h.GetAsync("api/container_images?expand=resources")).Body["resources"]![0]!;
        Assert.That(first.Value<string>("href"), Is.EqualTo($"{h.Api}/container_images/1"));
        Assert.That(first.Value<string>("image_ref"), Does.StartWith("docker-pullable://"));
        Assert.That(first["actions"]!.Select(a => a.Value<string>("name")), Is.EqualTo(new[] { "check_compliance", "scan" }));
        var hidden = (await h.GetAsync("api/container_images?hide=resources")).Body;
        Assert.That(hidden.ContainsKey("resources"), Is.False);
    }

    [Test]
    public async Task Fact28_ExpandSubcollection_EmbedsIt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, image) = await h.GetAsync("api/container_images/1?expand=custom_attributes");
        Assert.That(image["custom_attributes"]![0]!.Value<string>("href"), Is.EqualTo($"{h.Api}/container_images/1/custom_attributes/1"));
    }

    [Test]
    public async Task Fact29_PhysicalAttributes_ExactlyThoseNoActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, image) = await h.GetAsync("api/container_images/1?attributes=name,tag");
        Assert.That(image.Properties().Select(p => p.Name), Is.EqualTo(new[] { "href", "id", "name", "tag" }));
        var (_, idOnly) = await h.GetAsync("api/container_images/1?attributes=id");
        Assert.That(idOnly.Properties().Select(p => p.Name), Is.EqualTo(new[] { "href", "id" }));
    }

    [Test]
    public async Task Fact29_VirtualOnly_FullObjectPlusVirtualPlusActions()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, image) = await h.GetAsync("api/container_images/5?attributes=display_registry");
        Assert.That(image.Value<string>("display_registry"), Is.EqualTo("registry.cluster.local:5000"));
        Assert.That(image.ContainsKey("digest") && image.ContainsKey("actions"), Is.True);
        var (_, mixed) = await h.GetAsync("api/container_images/4?attributes=name,container_image_registry");
        Assert.That(mixed.Properties().Select(p => p.Name), Is.EqualTo(new[] { "href", "id", "name", "container_image_registry" }));
        Assert.That(mixed["container_image_registry"]!.Type, Is.EqualTo(JTokenType.Null), "a nil association renders null");
    }

    [Test]
    public async Task Fact30_UnknownAttribute_Is400NamingIt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images/1?attributes=name,not_an_attribute,bogus");
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, "Invalid attributes specified: not_an_attribute,bogus")));
    }

    [TestCase("name='busybox'", new[] { 4 })]
    [TestCase("name=\"busybox\"", new[] { 4 })]
    [TestCase("name='team/%'", new[] { 5, 6 })]
    [TestCase("name='*postgres'", new[] { 2 })]
    [TestCase("ems_id!=1", new[] { 4, 5, 6 })]
    [TestCase("deleted_on=NULL", new[] { 1, 2, 3, 4, 5 })]
    [TestCase("deleted_on!=nil", new[] { 6 })]
    [TestCase("id=[2,4]", new[] { 2, 4 })]
    [TestCase("id>4", new[] { 5, 6 })]
    [TestCase("name=~/^TEAM/i", new[] { 5, 6 })]
    [TestCase("ext_management_system.name='Kubernetes'", new[] { 4, 5, 6 })]
    [TestCase("deleted_on>2026-01-03T00:00:00Z", new[] { 6 })]
    public async Task Fact31_Filter_SelectsMatchingImages(string filter, int[] ids)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images?filter[]=" + Uri.EscapeDataString(filter));
        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(body["resources"]!.Select(r => int.Parse(r.Value<string>("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(ids));
    }

    [Test]
    public async Task Fact31_OrFilter_IsOredWithTheAndedOnes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.GetAsync("api/container_images?filter[]=ems_id=1&filter[]=tag='1.25'&filter[]=" + Uri.EscapeDataString("or name='busybox'"));
        Assert.That(body.Value<int>("subquery_count"), Is.EqualTo(2));
    }

    [Test]
    public async Task FilterOnAColumn_OfAnEmptyTable_IsAnEmptyAnswerNotABadRequest()
    {
        var seed = ManageIQ.OpenScap.ManageIq.Emulator.Seeding.EmulatorSeed.Default();
        seed["container_images"] = new Newtonsoft.Json.Linq.JArray();
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });
        var (status, body) = await h.GetAsync("api/container_images?filter[]=ems_id=1&filter[]=" + Uri.EscapeDataString("deleted_on=nil"));
        Assert.That((status, body.Value<int>("subquery_count"), body.Value<int>("count")), Is.EqualTo((200, 0, 0)), body.ToString());
    }

    [TestCase("ext_management_system.zone.name='x'", "Filtering of attributes with more than one association away is not supported")]
    [TestCase("deleted_on<=2016-01-01T00:00:00Z", "Unsupported operator for datetime: <=")]
    [TestCase("deleted_on>foobar", "Bad format for datetime: foobar")]
    [TestCase("destroy=1", "Invalid filter - attribute ContainerImage-destroy does not exist")]
    [TestCase("name^bb", "Unknown operator specified in filter name^bb")]
    [TestCase("id!=[1,2]", "Unsupported operator for arrays: !=")]
    public async Task Fact32_BadFilter_Is400(string filter, string message)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images?filter[]=" + Uri.EscapeDataString(filter));
        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((400, message)));
    }

    [Test]
    public async Task Fact32_EmptyCollection_FiltersAndSortsByItsSchema()
    {
        // A fresh appliance has no container image yet: the table's columns still exist, as in ManageIQ's database.
        var seed = EmulatorSeed.Default();
        seed["container_images"] = new JArray();
        seed["custom_attributes"] = new JArray();
        await using var h = await EmulatorHarness.StartControlledAsync(seed);
        var (status, body) = await h.GetAsync("api/container_images?expand=resources&filter[]=ems_id=1&filter[]=deleted_on=NULL&sort_by=id&sort_order=asc");
        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That((body.Value<int>("count"), body.Value<int>("subquery_count"), body["resources"]!.Count()), Is.EqualTo((0, 0, 0)));
        var bad = await h.GetAsync("api/container_images?filter[]=destroy=1");
        Assert.That((bad.Status, bad.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Invalid filter - attribute ContainerImage-destroy does not exist")));
        var badSort = await h.GetAsync("api/container_images?sort_by=bad_attribute");
        Assert.That(badSort.Body["error"]!.Value<string>("message"), Is.EqualTo("bad_attribute is not a valid attribute for ContainerImage"));
    }

    [Test]
    public async Task Fact33_Sort_ByNameDescendingAndUnknownIs400()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.GetAsync("api/container_images?expand=resources&attributes=name&sort_by=name&sort_order=desc");
        Assert.That(body["resources"]!.Select(r => r.Value<string>("name")), Is.EqualTo(new[] { "team/legacy", "team/api", "openshift/nginx", "openshift/image-inspector", "library/postgres", "busybox" }));
        var bad = await h.GetAsync("api/container_images?sort_by=bad_attribute");
        Assert.That(bad.Body["error"]!.Value<string>("message"), Is.EqualTo("bad_attribute is not a valid attribute for ContainerImage"));
    }

    [Test]
    public async Task Fact34_CollectionClass_RestrictsProvidersAndRejectsUnknown()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, body) = await h.GetAsync("api/providers?collection_class=ManageIQ::Providers::Openshift::ContainerManager");
        Assert.That(body.Value<int>("subcount"), Is.EqualTo(1));
        var bad = await h.GetAsync("api/providers?collection_class=BogusClass");
        Assert.That(bad.Body["error"]!.Value<string>("message"), Is.EqualTo("Invalid collection_class BogusClass specified for the providers collection"));
    }

    [Test]
    public async Task Fact35_CollectionActions_ContainerImagesOnlyCheckComplianceAuditorNone()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var actions = (await h.GetAsync("api/container_images")).Body["actions"]!;
        Assert.That(actions.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($$"""[{"name":"check_compliance","method":"post","href":"{{h.Api}}/container_images"}]"""));
        Assert.That((await h.GetAsync("api/container_images", ConventionsTests.Auditor)).Body.ContainsKey("actions"), Is.False);
    }
}

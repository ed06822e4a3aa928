using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.ManageIq.Tests;

[CancelAfter(60_000)]
public sealed class CustomAttributesTests
{
    [Test]
    public async Task AddCustomAttributesAsync_ManyAttributes_OnePostStoresAllInMetadata()
    {
        await using var h = await ClientHarness.StartAsync();
        var scannedOn = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var added = await h.Client.AddCustomAttributesAsync(2,
        [
            new CustomAttributeInput("openscap_failed_high", "3"),
            new CustomAttributeInput("openscap_failed_medium", "5"),
            CustomAttributeInput.Timestamp("openscap_scanned_on", scannedOn),
        ]);

        Assert.That(added.Select(a => (a.Name, a.Value, a.Section)), Is.EqualTo(new[]
        {
            ("openscap_failed_high", "3", "metadata"),
            ("openscap_failed_medium", "5", "metadata"),
            ("openscap_scanned_on", "2026-02-03T04:05:06Z", "metadata"),
        }));
        Assert.That(added.All(a => a.ResourceId == 2 && a.ResourceType == "ContainerImage" && a.Source == "EVM"), Is.True);
        Assert.That(added[2].SerializedValue, Is.EqualTo("2026-02-03T04:05:06Z"), "field_type DateTime is parsed by ManageIQ");
        Assert.That(added[0].Href, Is.EqualTo(new Uri(h.Emulator.BaseUri, $"api/container_images/2/custom_attributes/{added[0].Id}")));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes"), Has.Count.EqualTo(1));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task GetContainerImageWithAttributesAsync_OneRequest_TheImageAndEverySection()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.AddCustomAttributesAsync(1, [new CustomAttributeInput("openscap_status", "compliant")]);
        var before = h.Emulator.Requests.Matching("GET", "/api/container_images/1").Count;

        var read = await h.Client.GetContainerImageWithAttributesAsync(1);

        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images/1").Count - before, Is.EqualTo(1));
        Assert.That((read.Image.Id, read.Image.Name, read.Image.Tag), Is.EqualTo((1L, "openshift/nginx", "1.25")));
        Assert.That(read.Image.PullReference, Does.Contain("openshift/nginx@sha256:"));
        Assert.That(read.CustomAttributes.Select(a => (a.Name, a.Section)), Is.EquivalentTo(new[] { ("app", "labels"), ("openscap_status", "metadata") }));
    }

    [Test]
    public async Task AddCustomAttributesAsync_SameNameDifferentCase_UpdatesInPlace()
    {
        await using var h = await ClientHarness.StartAsync();
        var first = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_failed_high", "3")]);
        var second = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("OPENSCAP_FAILED_HIGH", "0")]);
        Assert.That(second[0].Id, Is.EqualTo(first[0].Id));
        var stored = h.Emulator.Store.CustomAttributesOf(2);
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(stored[0].Value<string>("value"), Is.EqualTo("0"));
    }

    [Test]
    public async Task AddCustomAttributesAsync_NameOfALabel_UpsertsAcrossSections()
    {
        await using var h = await ClientHarness.StartAsync();
        var added = await h.Client.AddCustomAttributesAsync(1, [new CustomAttributeInput("app", "scanned")]);
        var all = await h.Client.GetCustomAttributesAsync(1);
        Assert.That(all, Has.Count.EqualTo(1), "the refresh-written label named app was updated, not duplicated");
        Assert.That((all[0].Id, all[0].Section, all[0].Value), Is.EqualTo((added[0].Id, "metadata", "scanned")));
    }

    [Test]
    public async Task AddCustomAttributesAsync_NoAttributes_SendsNothing()
    {
        await using var h = await ClientHarness.StartAsync();
        var added = await h.Client.AddCustomAttributesAsync(2, []);
        Assert.That(added, Is.Empty);
        Assert.That(h.Emulator.Requests.Count, Is.Zero);
    }

    [Test]
    public async Task GetCustomAttributesAsync_ImageWithLabel_ReturnsFullObjects()
    {
        await using var h = await ClientHarness.StartAsync();
        var attributes = await h.Client.GetCustomAttributesAsync(1);
        Assert.That(attributes.Select(a => (a.Id, a.Name, a.Value, a.Section, a.Source)), Is.EqualTo(new[] { (1L, "app", "nginx", "labels", "kubernetes") }));
        Assert.That(attributes[0].Href, Is.EqualTo(new Uri(h.Emulator.BaseUri, "api/container_images/1/custom_attributes/1")));
    }

    [Test]
    public async Task GetCustomAttributesAsync_MoreAttributesOnTheApplianceThanOnTheImage_OneRequest()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.PageSize = 2);
        await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("a_one", "1"), new CustomAttributeInput("a_two", "2"), new CustomAttributeInput("a_three", "3")]);
        await h.Client.AddCustomAttributesAsync(3, [new CustomAttributeInput("b_one", "1")]);
        h.Emulator.Requests.Clear();

        var attributes = await h.Client.GetCustomAttributesAsync(2);

        Assert.That(attributes.Select(a => a.Name), Is.EqualTo(new[] { "a_one", "a_two", "a_three" }));
        Assert.That(h.Emulator.Requests.All.Select(r => (r.Method, r.Path, r.Query)), Is.EqualTo(new[] { ("GET", "/api/container_images/2", "?attributes=id&expand=custom_attributes") }));
    }

    [Test]
    public async Task GetCustomAttributesAsync_UnknownImage_ThrowsNotFound()
    {
        await using var h = await ClientHarness.StartAsync();
        var e = Assert.ThrowsAsync<ManageIQ.OpenScap.ManageIq.Errors.ManageIqApiException>(() => h.Client.GetCustomAttributesAsync(999));
        Assert.That(e!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
    }

    [Test]
    public async Task EditCustomAttributeAsync_ExistingName_ChangesValue()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.AddCustomAttributesAsync(3, [new CustomAttributeInput("openscap_status", "running")]);
        var edited = await h.Client.EditCustomAttributeAsync(3, new CustomAttributeInput("openscap_status", "done"));
        Assert.That(edited?.Value, Is.EqualTo("done"));
        Assert.That(h.Emulator.Store.CustomAttributesOf(3).Single().Value<string>("value"), Is.EqualTo("done"));
    }

    [Test]
    public async Task EditCustomAttributeAsync_UnknownName_ReturnsNull()
    {
        await using var h = await ClientHarness.StartAsync();
        Assert.That(await h.Client.EditCustomAttributeAsync(3, new CustomAttributeInput("nothing_here", "x")), Is.Null);
    }

    [Test]
    public async Task DeleteCustomAttributesAsync_ByNameAndByHref_RemovesBoth()
    {
        await using var h = await ClientHarness.StartAsync();
        var added = await h.Client.AddCustomAttributesAsync(4, [new CustomAttributeInput("a_one", "1"), new CustomAttributeInput("a_two", "2"), new CustomAttributeInput("a_three", "3")]);
        var deleted = await h.Client.DeleteCustomAttributesAsync(4, [CustomAttributeReference.ByName("a_one"), CustomAttributeReference.ByHref(added[1].Href!)]);
        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(h.Emulator.Store.CustomAttributesOf(4).Select(a => a.Value<string>("name")), Is.EqualTo(new[] { "a_three" }));
    }
}

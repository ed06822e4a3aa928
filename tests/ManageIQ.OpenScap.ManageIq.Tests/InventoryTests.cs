using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests;

[CancelAfter(60_000)]
public sealed class InventoryTests
{
    [Test]
    public async Task GetContainerProvidersAsync_DefaultSeed_ReturnsOpenshiftAndKubernetesTyped()
    {
        await using var h = await ClientHarness.StartAsync();
        var providers = await ClientHarness.ToListAsync(h.Client.GetContainerProvidersAsync());
        Assert.That(providers.Select(p => (p.Id, p.Name, p.Type)), Is.EqualTo(new[]
        {
            (1L, "OpenShift", ContainerProviderTypes.Openshift),
            (2L, "Kubernetes", ContainerProviderTypes.Kubernetes),
        }));
        Assert.That(providers[0].IsOpenshift && providers[1].IsKubernetes, Is.True);
        Assert.That(providers[0].ZoneId, Is.EqualTo(1));
        Assert.That(providers[0].Href, Is.EqualTo(new Uri(h.Emulator.BaseUri, "api/providers/1")));
    }

    [Test]
    public async Task GetContainerProvidersAsync_ImageInspectorOptions_AreRead()
    {
        await using var h = await ClientHarness.StartAsync();
        lock (h.Emulator.Store.Gate)
        {
            h.Emulator.Store.Providers.Find(1)!["options"] = Newtonsoft.Json.Linq.JObject.Parse(
                """{"image_inspector_options": {"http_proxy": "http://proxy:3128", "no_proxy": ".svc", "cve_url": "https://feeds.example/oval.xml", "registry": "docker.io", "image_tag": "2.1"}}""");
            h.Emulator.Store.Providers.Touch();
        }

        var providers = await ClientHarness.ToListAsync(h.Client.GetContainerProvidersAsync());

        var options = providers[0].Options?.ImageInspectorOptions;
        Assert.That((options?.HttpProxy, options?.NoProxy, options?.CveUrl, options?.Registry, options?.ImageTag, options?.HttpsProxy),
            Is.EqualTo(("http://proxy:3128", ".svc", "https://feeds.example/oval.xml", "docker.io", "2.1", (string?)null)));
        Assert.That(providers[1].Options?.ImageInspectorOptions, Is.Null, "an empty options hash");
    }

    [Test]
    public async Task GetContainerProvidersAsync_OtherProviderTypes_AreNotListed()
    {
        var seed = Seeds.Default();
        ((JArray)seed["providers"]!).Add(new JObject { ["id"] = 9, ["name"] = "vCenter", ["type"] = "ManageIQ::Providers::Vmware::InfraManager", ["zone_id"] = 1 });
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = seed });
        var providers = await ClientHarness.ToListAsync(h.Client.GetContainerProvidersAsync());
        Assert.That(providers.Select(p => p.Id), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task GetContainerImagesAsync_Default_ListsLiveImagesWithRegistries()
    {
        await using var h = await ClientHarness.StartAsync();
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync());
        Assert.That(images.Select(i => i.Id), Is.EqualTo(new[] { 1L, 2L, 3L, 4L, 5L }), "the archived image 6 is left out");
        var nginx = images[0];
        Assert.That(nginx.Name, Is.EqualTo("openshift/nginx"));
        Assert.That(nginx.Tag, Is.EqualTo("1.25"));
        Assert.That(nginx.EmsId, Is.EqualTo(1));
        Assert.That(nginx.Digest, Does.StartWith("sha256:"));
        Assert.That(nginx.ContainerImageRegistry?.Host, Is.EqualTo("image-registry.openshift-image-registry.svc"));
        Assert.That(nginx.ContainerImageRegistry?.Port, Is.EqualTo("5000"));
        Assert.That(nginx.LastScanAttemptOn, Is.Null);
        Assert.That(nginx.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(images[3].ContainerImageRegistry, Is.Null);
    }

    [Test]
    public async Task GetContainerImagesAsync_IncludeArchived_ListsDeletedOnToo()
    {
        await using var h = await ClientHarness.StartAsync();
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync(new ContainerImageQuery { IncludeArchived = true }));
        Assert.That(images.Single(i => i.Id == 6).DeletedOn, Is.EqualTo(new DateTimeOffset(2026, 1, 4, 8, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task GetContainerImagesAsync_ProviderFilterAndDescendingSort_AreSentAndApplied()
    {
        await using var h = await ClientHarness.StartAsync();
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync(new ContainerImageQuery { ProviderId = 2, SortBy = "name", Descending = true }));
        Assert.That(images.Select(i => i.Name), Is.EqualTo(new[] { "team/api", "busybox" }));
        var query = Uri.UnescapeDataString(h.Emulator.Requests.Matching("GET", "/api/container_images").Single().Query);
        Assert.That(query, Does.Contain("filter[]=ems_id=2").And.Contain("filter[]=deleted_on=NULL").And.Contain("sort_by=name").And.Contain("sort_order=desc").And.Contain("expand=resources"));
    }

    [Test]
    public async Task GetContainerImagesAsync_ExtraFilter_IsAnded()
    {
        await using var h = await ClientHarness.StartAsync();
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync(new ContainerImageQuery { Filters = ["name='openshift/%'"] }));
        Assert.That(images.Select(i => i.Id), Is.EqualTo(new[] { 1L, 3L }));
    }

    [Test]
    public async Task GetContainerImagesAsync_ManyImages_PagesByThousandWithOneRequestPerPage()
    {
        await using var h = await ClientHarness.StartAsync(emulatorOptions: new EmulatorOptions { Seed = Seeds.WithImages(2, 2345) });
        var images = await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync());
        Assert.That(images, Has.Count.EqualTo(2345));
        Assert.That(images.Select(i => i.Id).Distinct().Count(), Is.EqualTo(2345));
        var gets = h.Emulator.Requests.Matching("GET", "/api/container_images");
        Assert.That(gets.Select(g => Uri.UnescapeDataString(g.Query)).Select(q => q[q.IndexOf("offset=", StringComparison.Ordinal)..]),
            Is.EqualTo(new[] { "offset=0&limit=1000", "offset=1000&limit=1000", "offset=2000&limit=1000" }));
        Assert.That(h.Emulator.Requests.Count, Is.EqualTo(4), "one token request and three pages");
    }

    [Test]
    public async Task GetContainerImageAsync_ExistingId_ReturnsImage()
    {
        await using var h = await ClientHarness.StartAsync();
        var image = await h.Client.GetContainerImageAsync(5);
        Assert.That(image.PullReference, Is.EqualTo("registry.cluster.local:5000/team/api@" + image.Digest));
    }

    [Test]
    public async Task GetContainerImageAsync_MissingId_ThrowsNotFoundWithManageIqMessage()
    {
        await using var h = await ClientHarness.StartAsync();
        var e = Assert.ThrowsAsync<ManageIqApiException>(() => h.Client.GetContainerImageAsync(999999));
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(e.Kind, Is.EqualTo("not_found"));
        Assert.That(e.ServerMessage, Is.EqualTo("Couldn't find ContainerImage with 'id'=999999"));
        Assert.That(e.Klass, Is.EqualTo("ActiveRecord::RecordNotFound"));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images"), Has.Count.EqualTo(1), "a 404 is not retried");
    }
}

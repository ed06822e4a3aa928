using System.Net;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.ManageIq.Tests;

[CancelAfter(60_000)]
public sealed class RetryAndErrorTests
{
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Get_TransientStatusTwice_RetriesAndSucceeds(HttpStatusCode status)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.FailNext(status, "GET", "/api/container_images", times: 2);
        Assert.That((await h.Client.GetContainerImageAsync(1)).Id, Is.EqualTo(1));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images").Select(r => r.Status), Is.EqualTo(new[] { (int)status, (int)status, 200 }));
    }

    [Test]
    public async Task Get_TransientStatusBeyondRetries_ThrowsNonJsonResponseError()
    {
        await using var h = await ClientHarness.StartAsync(configure: o => o.MaxRetries = 2);
        h.Emulator.Faults.FailNext(HttpStatusCode.ServiceUnavailable, "GET", "/api/container_images", times: 10);
        var e = Assert.ThrowsAsync<ManageIqResponseException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(e.ContentType, Does.StartWith("text/html"));
        Assert.That(e.Message, Does.Contain("GET /api/container_images/1 failed with 503 and no ManageIQ error body").And.Contain("<h1>503"));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images"), Has.Count.EqualTo(3));
    }

    [TestCase("{\"count\":1,\"resources\":[{\"id\":\"not-a-number\"}]}", "answered JSON that cannot be read as CollectionPage")]
    [TestCase("{\"count\":1,\"resources\":[{\"id\":\"1\"", "answered JSON that cannot be read as CollectionPage")]
    [TestCase("", "GET /api/container_images answered 200 without a JSON body.")]
    public async Task Listing_SuccessWithUnreadableJson_ThrowsResponseError(string body, string expected)
    {
        await using var server = new CannedListingServer(body);
        await using var services = ClientHarness.Build(server.BaseUri, configure: null);
        var client = services.GetRequiredService<IManageIqClient>();
        var e = Assert.ThrowsAsync<ManageIqResponseException>(() => ClientHarness.ToListAsync(client.GetContainerImagesAsync()));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task Get_DroppedConnection_Retries()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.GetContainerImageAsync(1);
        h.Emulator.Faults.DropNext("GET", "/api/container_images");
        Assert.That((await h.Client.GetContainerImageAsync(2)).Id, Is.EqualTo(2));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images/2").Select(r => r.Status), Is.EqualTo(new[] { 0, 200 }));
    }

    [Test]
    public async Task Get_SlowerThanRequestTimeout_RetriesThenThrowsTimeout()
    {
        await using var h = await ClientHarness.StartAsync(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });
        await h.Client.GetContainerImageAsync(1);
        h.Emulator.Faults.DelayNext(TimeSpan.FromSeconds(3), "GET", "/api/container_images", times: 2);
        var e = Assert.ThrowsAsync<ManageIqTransportException>(() => h.Client.GetContainerImageAsync(1));
        Assert.That(e!.TimedOut, Is.True);
        Assert.That(e.Message, Is.EqualTo("GET /api/container_images/1 timed out after 2 attempt(s)."));
    }

    [Test]
    public async Task Get_NobodyListening_ThrowsTransportError()
    {
        int port;
        await using (var probe = await Emulator.ManageIqEmulator.StartAsync())
        {
            port = probe.BaseUri.Port;
        }

        await using var services = ClientHarness.Build(new Uri($"http://127.0.0.1:{port}/"), o => o.MaxRetries = 1);
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IManageIqClient>(services);
        var e = Assert.ThrowsAsync<ManageIqTransportException>(() => client.GetContainerImageAsync(1));
        Assert.That(e!.TimedOut, Is.False);
        Assert.That(e.Message, Does.StartWith("GET /api/auth got no answer"));
    }

    [Test]
    public async Task Get_BadFilter_ThrowsBadRequestWithoutRetry()
    {
        await using var h = await ClientHarness.StartAsync();
        var e = Assert.ThrowsAsync<ManageIqApiException>(async () => await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync(new ContainerImageQuery { Filters = ["name^bb"] })));
        Assert.That((e!.StatusCode, e.Kind, e.Klass), Is.EqualTo((HttpStatusCode.BadRequest, "bad_request", "Api::BadRequestError")));
        Assert.That(e.ServerMessage, Is.EqualTo("Unknown operator specified in filter name^bb"));
        Assert.That(h.Emulator.Requests.Matching("GET", "/api/container_images"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddCustomAttributes_ServiceUnavailableTwice_RetriedAndStoredOnce()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.FailNext(HttpStatusCode.ServiceUnavailable, "POST", "/api/container_images/2/custom_attributes", times: 2);
        var added = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_failed_high", "1")]);
        Assert.That(added.Select(a => a.Name), Is.EqualTo(new[] { "openscap_failed_high" }));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes").Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 200 }));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddCustomAttributes_AnswerLostAfterWrite_RetriedAndEachStoredOnce()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.DropAfterHandlingNext("POST", "/api/container_images/2/custom_attributes");
        var added = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_failed_high", "1"), new CustomAttributeInput("openscap_failed_low", "4")]);
        Assert.That(added, Has.Count.EqualTo(2));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes").Select(r => r.Status), Is.EqualTo(new[] { 0, 200 }));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Select(a => a.Value<string>("name")), Is.EquivalentTo(new[] { "openscap_failed_high", "openscap_failed_low" }));
    }

    [Test]
    public async Task DeleteCustomAttributes_ByNameAnswerLost_RetriedAndDeletesOnce()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_notes", "x"), new CustomAttributeInput("openscap_error", "y")]);
        h.Emulator.Faults.DropAfterHandlingNext("POST", "/api/container_images/2/custom_attributes");
        await h.Client.DeleteCustomAttributesAsync(2, [CustomAttributeReference.ByName("openscap_notes", CustomAttributeInput.MetadataSection)]);
        var deletes = h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes").Where(r => r.Action == "delete").ToList();
        Assert.That(deletes.Select(r => r.Status), Is.EqualTo(new[] { 0, 200 }));
        Assert.That(deletes[0].Body, Does.Contain("\"section\":\"metadata\""));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2).Select(a => a.Value<string>("name")), Is.EqualTo(new[] { "openscap_error" }));
    }

    [Test]
    public async Task DeleteCustomAttributes_ByHrefAnswerLost_IsNotRetried()
    {
        await using var h = await ClientHarness.StartAsync();
        var added = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_notes", "x")]);
        h.Emulator.Faults.DropAfterHandlingNext("POST", "/api/container_images/2/custom_attributes");
        Assert.ThrowsAsync<ManageIqTransportException>(() => h.Client.DeleteCustomAttributesAsync(2, [CustomAttributeReference.ByHref(added[0].Href!)]));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes").Count(r => r.Action == "delete"), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_ScanServiceUnavailable_IsNotRetried()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.FailNext(HttpStatusCode.ServiceUnavailable, "POST", "/api/container_images/3");
        Assert.ThrowsAsync<ManageIqResponseException>(() => h.Client.ScanContainerImageAsync(3));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/3"), Has.Count.EqualTo(1));
        Assert.That(h.Emulator.Store.ImageActions(), Is.Empty);
    }

    [Test]
    public async Task Post_ScanAnswerLost_ScanRequestedOnce()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.DropAfterHandlingNext("POST", "/api/container_images/3");
        Assert.ThrowsAsync<ManageIqTransportException>(() => h.Client.ScanContainerImageAsync(3));
        Assert.That(h.Emulator.Store.ImageActions(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Post_TokenExpired_ReauthenticatesAndWritesExactlyOnce()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.GetContainerImageAsync(2);
        h.Emulator.Faults.ExpireTokensBeforeNext("POST", "/api/container_images/2/custom_attributes");
        var added = await h.Client.AddCustomAttributesAsync(2, [new CustomAttributeInput("openscap_failed_high", "1")]);
        Assert.That(added, Has.Count.EqualTo(1));
        Assert.That(h.Emulator.Requests.Matching("POST", "/api/container_images/2/custom_attributes").Select(r => r.Status), Is.EqualTo(new[] { 401, 200 }));
        Assert.That(h.Emulator.Store.CustomAttributesOf(2), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Calls_Cancelled_ThrowOperationCanceled()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Emulator.Faults.DelayNext(TimeSpan.FromSeconds(5), "GET", "/api/auth");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(async () => await h.Client.GetContainerImageAsync(1, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}

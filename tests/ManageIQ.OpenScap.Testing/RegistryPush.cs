using System.Net;
using System.Net.Http.Headers;

namespace ManageIQ.OpenScap.Testing;

/// <summary>Pushes built images to a <see cref="LoopbackRegistry"/> through the distribution API's upload endpoints.</summary>
public static class RegistryPush
{
    public static async Task PushAsync(this LoopbackRegistry registry, string repository, string tag, BuiltImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(image);
        using var client = registry.CreateClient();
        await PushImageAsync(client, repository, image, cancellationToken);
        await PutManifestAsync(client, repository, tag, image.Manifest, image.ManifestMediaType, cancellationToken);
    }

    public static async Task PushIndexAsync(this LoopbackRegistry registry, string repository, string tag, BuiltIndex index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(index);
        using var client = registry.CreateClient();
        foreach (var image in index.Images)
        {
            await PushImageAsync(client, repository, image, cancellationToken);
            await PutManifestAsync(client, repository, image.ManifestDigest, image.Manifest, image.ManifestMediaType, cancellationToken);
        }

        await PutManifestAsync(client, repository, tag, index.Content, index.MediaType, cancellationToken);
    }

    /// <summary>Monolithic upload: POST for a session, then PUT with the digest (2.8 needs both).</summary>
    public static async Task PushBlobAsync(HttpClient client, string repository, byte[] blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var digest = BuiltLayer.Sha256(blob);
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), cancellationToken))
        {
            if (head.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }

        using var start = await client.PostAsync($"v2/{repository}/blobs/uploads/", null, cancellationToken);
        await EnsureAsync(start, HttpStatusCode.Accepted, "start upload", cancellationToken);
        var location = start.Headers.Location ?? throw new InvalidOperationException("upload has no Location");
        var separator = location.OriginalString.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var target = new Uri(location.OriginalString + separator + "digest=" + Uri.EscapeDataString(digest), UriKind.RelativeOrAbsolute);
        using var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await client.PutAsync(target, content, cancellationToken);
        await EnsureAsync(put, HttpStatusCode.Created, "finish upload", cancellationToken);
    }

    public static async Task PutManifestAsync(HttpClient client, string repository, string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var put = await client.PutAsync($"v2/{repository}/manifests/{reference}", content, cancellationToken);
        await EnsureAsync(put, HttpStatusCode.Created, "put manifest", cancellationToken);
    }

    private static async Task PushImageAsync(HttpClient client, string repository, BuiltImage image, CancellationToken cancellationToken)
    {
        foreach (var layer in image.Layers)
        {
            await PushBlobAsync(client, repository, layer.Blob, cancellationToken);
        }

        await PushBlobAsync(client, repository, image.Config, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

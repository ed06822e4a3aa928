using ManageIQ.OpenScap.Images.Credentials;
using ManageIQ.OpenScap.Images.Manifests;
using ManageIQ.OpenScap.Images.Registry;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Images.Sources;

/// <summary>An image in a registry: tries each applicable credential, then anonymous access.</summary>
internal sealed class RegistryImageSource(
    ImageReference reference,
    ImageAcquisitionRequest request,
    string blobDirectory,
    ImageAcquisitionOptions options,
    TimeProvider timeProvider,
    ILogger logger) : IImageSourceReader
{
    private const int MaxIndexDepth = 2;
    private HttpClient? _http;
    private RegistryClient? _client;

    public bool LayersAreCopies => true;

    public async Task<ResolvedImage> ResolveAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RegistryCredential> credentials;
        try
        {
            credentials = CredentialResolver.Resolve(request, reference);
        }
        catch (InvalidDataException ex)
        {
            throw new SourceException(ImageAcquisitionFailure.InvalidRequest, ex.Message, ex);
        }

        InsecureRegistries insecure;
        try
        {
            if (reference.Digest is { } pinned)
            {
                // Refused before anything is fetched when its algorithm cannot be checked.
                DigestPin.Parse(pinned);
            }

            insecure = new InsecureRegistries(request.InsecureRegistries);
            _http = RegistryHttp.Create(request.CaFile, insecure, options.RequestTimeout);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new SourceException(ImageAcquisitionFailure.InvalidRequest, ex.Message, ex);
        }

        var (endpoint, challenge) = await RegistryClient.PingAsync(_http, reference.ApiHost, insecure, cancellationToken);
        var realmPolicy = new TokenRealmPolicy(options.AuthServers);
        var candidates = credentials.Cast<RegistryCredential?>().Append(null).ToList();
        var refusals = new List<string>();
        for (var i = 0; ; i++)
        {
            var authenticator = new RegistryAuthenticator(_http, candidates[i], reference, insecure, realmPolicy, options, logger);
            try
            {
                if (challenge is not null)
                {
                    await authenticator.RespondAsync(challenge, cancellationToken);
                }

                var client = new RegistryClient(_http, endpoint, reference, authenticator, options, timeProvider, logger);
                var resolved = await ResolveWithAsync(client, cancellationToken);
                _client = client;
                return resolved;
            }
            catch (SourceException ex) when (ex.Failure == ImageAcquisitionFailure.Unauthorized && i + 1 < candidates.Count)
            {
                Log.CredentialRefused(logger, reference.ToString(), candidates[i]?.ToString() ?? "anonymous access");
                refusals.Add(ex.Message);
            }
            catch (SourceException ex) when (ex.Failure == ImageAcquisitionFailure.Unauthorized && refusals.Count > 0)
            {
                // Every credential failed: say why each did, not only that anonymous access did.
                refusals.Add("anonymous access: " + ex.Message);
                throw new SourceException(ImageAcquisitionFailure.Unauthorized, string.Join("; ", refusals), ex);
            }
        }
    }

    public async Task<string> FetchLayerAsync(Descriptor layer, Action<long> bytesDone, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("ResolveAsync first");
        var destination = Path.Combine(blobDirectory, Digests.Hex(layer.Digest));
        await client.DownloadBlobAsync(layer, destination, bytesDone, cancellationToken);
        return destination;
    }

    public void Dispose() => _http?.Dispose();

    private async Task<ResolvedImage> ResolveWithAsync(RegistryClient client, CancellationToken cancellationToken)
    {
        var (content, contentType, topDigest) = await client.GetManifestAsync(reference.ManifestReference, cancellationToken);
        var manifest = ManifestParser.ParseManifest(content, contentType);
        var manifestDigest = topDigest;
        for (var depth = 0; MediaTypes.IsIndex(manifest.MediaType); depth++)
        {
            if (depth == MaxIndexDepth)
            {
                throw new ManifestException("image indexes are nested too deeply");
            }

            var selected = ImageResolution.SelectFromIndex(manifest, request.Platform);
            (content, contentType, manifestDigest) = await client.GetManifestAsync(selected.Digest, cancellationToken);
            manifest = ManifestParser.ParseManifest(content, contentType ?? selected.MediaType);
        }

        var config = await client.GetBlobBytesAsync(manifest.Config!, cancellationToken);
        var resolved = ImageResolution.Complete(manifest, manifest.Config!.Digest, config, manifestDigest,
            [reference.Name + "@" + topDigest], request.Platform, request.Limits);
        return topDigest == manifestDigest ? resolved : resolved with { IndexDigest = topDigest };
    }
}

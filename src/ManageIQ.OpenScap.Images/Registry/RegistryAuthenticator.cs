using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.Images.Credentials;
using ManageIQ.OpenScap.Images.Sources;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// Answers a registry's challenges for one repository: Basic with the credential, or Bearer with a
/// token fetched from the challenge's realm (with the credential as Basic, or anonymously).
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, RegistryCredential? credential, string repository, IReadOnlyCollection<string> insecureRegistries)
{
    private const int MaxTokenBytes = 1024 * 1024;

    public RegistryCredential? Credential => credential;

    /// <summary>The Authorization header to send, once a challenge has been answered.</summary>
    public AuthenticationHeaderValue? Header { get; private set; }

    /// <summary>Answers <paramref name="challenge"/>; throws Unauthorized when it cannot be answered.</summary>
    public async Task RespondAsync(AuthChallenge? challenge, CancellationToken cancellationToken)
    {
        if (challenge is null)
        {
            throw Unauthorized("the registry answered 401 without a usable WWW-Authenticate challenge");
        }

        if (challenge.IsBasic)
        {
            if (credential is null)
            {
                throw Unauthorized("the registry requires credentials (Basic authentication) and none apply to it");
            }

            Header = BasicHeader(credential);
            return;
        }

        Header = new AuthenticationHeaderValue("Bearer", await FetchTokenAsync(challenge, cancellationToken));
    }

    private async Task<string> FetchTokenAsync(AuthChallenge challenge, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || (realm.Scheme != Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttp))
        {
            throw Unauthorized("the Bearer challenge has no http(s) realm");
        }

        if (realm.Scheme == Uri.UriSchemeHttp && !RegistryEndpoint.IsInsecure(realm.Authority, insecureRegistries))
        {
            throw Unauthorized($"the token realm {realm.GetLeftPart(UriPartial.Path)} is plain HTTP; add {realm.Authority} to the insecure registries to allow it");
        }

        var query = new StringBuilder();
        if (challenge.Service is { } service)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service));
        }

        var scope = challenge.Scope ?? $"repository:{repository}:pull";
        query.Append(query.Length > 0 ? "&" : string.Empty).Append("scope=").Append(Uri.EscapeDataString(scope));
        var builder = new UriBuilder(realm) { Query = string.IsNullOrEmpty(realm.Query) ? query.ToString() : realm.Query.TrimStart('?') + "&" + query };
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (credential is not null)
        {
            request.Headers.Authorization = BasicHeader(credential);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Unauthorized($"the token service {realm.GetLeftPart(UriPartial.Path)} refused {(credential is null ? "anonymous access" : credential.ToString())} ({(int)response.StatusCode})");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
                $"the token service {realm.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await ReadLimitedAsync(response, cancellationToken);
        TokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize<TokenResponse>(body);
        }
        catch (JsonException ex)
        {
            throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable, "the token service's answer is not JSON", ex);
        }

        return token?.Token is { Length: > 0 } t ? t
            : token?.AccessToken is { Length: > 0 } a ? a
            : throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable, "the token service's answer has no token");
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxTokenBytes)
        {
            throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable, "the token service's answer is too large");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxTokenBytes)
            {
                throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable, "the token service's answer is too large");
            }
        }

        return buffer.ToArray();
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));

    private SourceException Unauthorized(string message) =>
        new(ImageAcquisitionFailure.Unauthorized, credential is null ? message : $"{message} (tried {credential})");
}

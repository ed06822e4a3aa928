using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ManageIQ.OpenScap.Images.Credentials;
using ManageIQ.OpenScap.Images.Sources;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// Answers a registry's challenges for one repository: Basic with the credential, or Bearer with a
/// token fetched from the challenge's realm (with the credential as Basic where <see cref="TokenRealmPolicy"/>
/// allows it, else anonymously).
/// </summary>
internal sealed class RegistryAuthenticator(
    HttpClient http,
    RegistryCredential? credential,
    ImageReference reference,
    InsecureRegistries insecureRegistries,
    TokenRealmPolicy realmPolicy,
    ImageAcquisitionOptions options,
    ILogger logger)
{
    private const int MaxTokenBytes = 1024 * 1024;
    private const string AuthServersKey = ImageAcquisitionOptions.SectionName + ":" + nameof(ImageAcquisitionOptions.AuthServers);

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

        if (realm.Scheme == Uri.UriSchemeHttp && insecureRegistries.Find(realm) is null)
        {
            throw Unauthorized($"the token realm {realm.GetLeftPart(UriPartial.Path)} is plain HTTP; add {realm.Authority} to the insecure registries to allow it");
        }

        var query = new StringBuilder();
        if (challenge.Service is { } service)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service));
        }

        var scope = challenge.Scope ?? $"repository:{reference.Repository}:pull";
        query.Append(query.Length > 0 ? "&" : string.Empty).Append("scope=").Append(Uri.EscapeDataString(scope));
        var builder = new UriBuilder(realm) { Query = string.IsNullOrEmpty(realm.Query) ? query.ToString() : realm.Query.TrimStart('?') + "&" + query };
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        var sent = credential;
        if (credential is not null && !realmPolicy.MaySendCredentials(reference, realm))
        {
            Log.CredentialsWithheld(logger, reference.ToString(), realm.GetLeftPart(UriPartial.Path), reference.Registry, credential.ToString());
            sent = null;
        }

        if (sent is not null)
        {
            request.Headers.Authorization = BasicHeader(sent);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var withheld = sent is null && credential is not null
                ? $"; {credential} were withheld because the realm's host is neither the registry's nor a configured auth server ({AuthServersKey})"
                : string.Empty;
            throw Unauthorized($"the token service {realm.GetLeftPart(UriPartial.Path)} refused {sent?.ToString() ?? "anonymous access"} ({(int)response.StatusCode}){withheld}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SourceException(ImageAcquisitionFailure.RegistryUnavailable,
                $"the token service {realm.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await BoundedBody.ReadAsync(response, MaxTokenBytes, options.BodyTimeout, "token service's answer", cancellationToken);
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

    private static AuthenticationHeaderValue BasicHeader(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));

    private SourceException Unauthorized(string message) =>
        new(ImageAcquisitionFailure.Unauthorized, credential is null ? message : $"{message} (tried {credential})");
}

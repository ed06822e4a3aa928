using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>
/// Builds the HTTP client of one acquisition: the system CAs plus an optional CA file; certificate
/// errors tolerated only for registries configured as insecure.
/// </summary>
internal static class RegistryHttp
{
    public static HttpClient Create(string? caFile, InsecureRegistries insecureRegistries, TimeSpan requestTimeout)
    {
        var extraRoots = LoadCaFile(caFile);
        // HttpClientHandler's callback is given the request, so the TLS bypass can match the port as well as the host.
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                Validate(request.RequestUri, certificate, chain, errors, extraRoots, insecureRegistries),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
    }

    private static bool Validate(Uri? target, X509Certificate2? certificate, X509Chain? presented, SslPolicyErrors errors,
        X509Certificate2Collection extraRoots, InsecureRegistries insecureRegistries)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (target is not null && insecureRegistries.Find(target) is not null)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || extraRoots.Count == 0 || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
        if (presented is not null)
        {
            // Intermediates the server sent.
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2Collection LoadCaFile(string? caFile)
    {
        var collection = new X509Certificate2Collection();
        if (string.IsNullOrEmpty(caFile))
        {
            return collection;
        }

        if (!File.Exists(caFile))
        {
            throw new FileNotFoundException($"CA file '{caFile}' does not exist");
        }

        collection.ImportFromPemFile(caFile);
        if (collection.Count == 0)
        {
            throw new InvalidDataException($"CA file '{caFile}' holds no PEM certificate");
        }

        return collection;
    }
}

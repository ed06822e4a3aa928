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
    public static HttpClient Create(string? caFile, IReadOnlyCollection<string> insecureRegistries, TimeSpan requestTimeout)
    {
        var extraRoots = LoadCaFile(caFile);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    Validate(sender as SslStream, certificate, chain, errors, extraRoots, insecureRegistries),
            },
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
    }

    private static bool Validate(SslStream? stream, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors,
        X509Certificate2Collection extraRoots, IReadOnlyCollection<string> insecureRegistries)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        var host = stream?.TargetHostName ?? string.Empty;
        if (insecureRegistries.Any(entry => RegistryEndpoint.StripScheme(entry).Split(':')[0].Equals(host, StringComparison.OrdinalIgnoreCase)))
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
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
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

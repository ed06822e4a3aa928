using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.ManageIq.Logging;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// The primary handler of the ManageIQ HttpClient: system trust by default, a CA bundle as the only trust
/// anchors when one is configured, and no verification only when explicitly asked for.
/// </summary>
internal static class TlsHandlerFactory
{
    public static SocketsHttpHandler Create(ManageIqClientOptions options, ILogger logger)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.SkipTlsVerification)
        {
            // The operator asked for this explicitly (SkipTlsVerification); the connection logs a warning at start.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (!string.IsNullOrEmpty(options.CaBundleFile))
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(options.CaBundleFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Verify(certificate, errors, roots, options.BaseUrl?.Host ?? string.Empty, logger);
        }

        return handler;
    }

    private static bool Verify(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots, string host, ILogger logger)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never forgiven; only the chain is re-checked against the bundle.
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            Log.CertificateRejected(logger, host, errors.ToString());
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        var valid = chain.Build(leaf);
        if (!valid)
        {
            Log.CertificateRejected(logger, host, string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        }

        return valid;
    }
}

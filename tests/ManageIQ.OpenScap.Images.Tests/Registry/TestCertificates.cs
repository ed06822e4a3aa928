using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>A throw-away CA and a server certificate for 127.0.0.1 signed by it.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Loopback Test Registry CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(Authority, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Kestrel needs a key it can use: round-trip through PKCS#12.
        Server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public void WriteAuthorityPem(string path) => File.WriteAllText(path, Authority.ExportCertificatePem());

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}

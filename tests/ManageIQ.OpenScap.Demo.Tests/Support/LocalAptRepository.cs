using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Demo.Tests.Support;

/// <summary>
/// A flat apt repository on 127.0.0.1, served by Kestrel: real .debs built with <c>dpkg-deb --build</c> and a
/// <c>Packages</c> index, so the feed builder's apt-get and dpkg-deb run for real, with no network beyond loopback.
/// </summary>
public sealed class LocalAptRepository : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private LocalAptRepository(TempDirectory directory, WebApplication app, Uri baseUri)
    {
        _directory = directory;
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The repository as an apt source (flat, trusted: nothing is signed).</summary>
    public AptSource Source => new(BaseUri.AbsoluteUri, "./", []) { Trusted = true };

    /// <summary>How many files were served (a reused feed asks for none).</summary>
    public int Requests { get; private set; }

    public static async Task<LocalAptRepository> StartAsync(IEnumerable<FakeDeb> packages, CancellationToken cancellationToken)
    {
        var directory = new TempDirectory("miq-apt-");
        var repository = Directory.CreateDirectory(directory.Combine("repository")).FullName;
        var index = new StringBuilder();
        foreach (var package in packages)
        {
            var file = Build(directory, repository, package);
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            index.Append("Package: ").Append(package.Name).Append('\n')
                .Append("Source: ").Append(package.Source).Append('\n')
                .Append("Version: ").Append(package.Version).Append('\n')
                .Append("Architecture: amd64\nMaintainer: Test <test@localhost>\n")
                .Append("Filename: ./").Append(Path.GetFileName(file)).Append('\n')
                .Append("Size: ").Append(bytes.Length).Append('\n')
                .Append("SHA256: ").Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n')
                .Append("Description: ").Append(package.Name).Append(" (test package)\n\n");
        }

        await File.WriteAllTextAsync(Path.Combine(repository, "Packages"), index.ToString(), cancellationToken);
        LocalAptRepository? self = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            var name = Path.GetFileName(context.Request.Path.Value ?? string.Empty);
            var path = Path.Combine(repository, name);
            if (name.Length == 0 || !File.Exists(path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            self!.Requests++;
            context.Response.ContentLength = new FileInfo(path).Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.SendFileAsync(path, context.RequestAborted);
            }
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LocalAptRepository(directory, app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Dispose();
    }

    private static string Build(TempDirectory directory, string repository, FakeDeb package)
    {
        var root = directory.Combine("build", package.Name);
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"), $"Package: {package.Name}\nSource: {package.Source}\nVersion: {package.Version}\nArchitecture: amd64\nMaintainer: Test <test@localhost>\nDescription: {package.Name} (test package)\n");
        var doc = Path.Combine(root, "usr", "share", "doc");
        Directory.CreateDirectory(doc);
        if (package.Changelog is null)
        {
            File.CreateSymbolicLink(Path.Combine(doc, package.Name), package.Source);
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(doc, package.Name));
            File.WriteAllText(Path.Combine(doc, package.Name, "copyright"), "test\n");
            using var file = File.Create(Path.Combine(doc, package.Name, package.Native ? "changelog.gz" : "changelog.Debian.gz"));
            using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
            gzip.Write(Encoding.UTF8.GetBytes(package.Changelog));
        }

        var deb = Path.Combine(repository, $"{package.Name}_{package.Version.Replace(":", "%3a", StringComparison.Ordinal)}_amd64.deb");
        using var process = Process.Start(new ProcessStartInfo("dpkg-deb", ["--build", "--root-owner-group", root, deb]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "dpkg-deb --build: " + error);
        return deb;
    }
}

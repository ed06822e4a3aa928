using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests;

/// <summary>The scanner's real service graph, with test directories and optional replacements.</summary>
public static class ScannerServices
{
    public static ServiceProvider Build(
        TempDirectory directory,
        string? oscapExecutable = null,
        TimeSpan? oscapTimeout = null,
        IImageAcquirer? acquirer = null,
        CveFeedPolicy policy = CveFeedPolicy.Optional,
        IReadOnlyList<string>? searchDirectories = null,
        string? cveCacheDirectory = null,
        Action<CveFeedOptions>? feeds = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var services = new ServiceCollection();
        services.AddImageScanner();
        services.Configure<OscapOptions>(o =>
        {
            o.Executable = oscapExecutable ?? "oscap";
            o.Timeout = oscapTimeout ?? TimeSpan.FromMinutes(2);
        });
        services.Configure<CveFeedOptions>(o =>
        {
            o.CacheDirectory = cveCacheDirectory ?? directory.Combine("cve-cache");
            o.Policy = policy;
            o.DownloadTimeout = TimeSpan.FromSeconds(20);
            feeds?.Invoke(o);
        });
        services.Configure<ScapContentOptions>(o => o.SearchDirectories = [.. searchDirectories ?? ScapContent.SearchDirectories]);
        if (acquirer is not null)
        {
            services.AddSingleton(acquirer);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

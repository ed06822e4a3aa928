using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>Checks the feed settings at start, naming the key that is wrong.</summary>
public sealed class CveFeedOptionsValidator : IValidateOptions<CveFeedOptions>
{
    private static readonly TimeSpan MaximumDownloadTimeout = TimeSpan.FromHours(2);

    public ValidateOptionsResult Validate(string? name, CveFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            errors.Add($"{Key(nameof(options.CacheDirectory))} is not set, and neither XDG_STATE_HOME nor HOME gives a default.");
        }
        else if (!Path.IsPathFullyQualified(options.CacheDirectory))
        {
            errors.Add($"{Key(nameof(options.CacheDirectory))} '{options.CacheDirectory}' is not an absolute path.");
        }

        if (options.DownloadTimeout < TimeSpan.FromSeconds(1) || options.DownloadTimeout > MaximumDownloadTimeout)
        {
            errors.Add($"{Key(nameof(options.DownloadTimeout))} is {options.DownloadTimeout}; it must be between 00:00:01 and {MaximumDownloadTimeout}.");
        }

        if (options.MaxBytes < 1024)
        {
            errors.Add($"{Key(nameof(options.MaxBytes))} is {options.MaxBytes}; it must be at least 1024.");
        }

        for (var i = 0; i < options.Mirrors.Count; i++)
        {
            var mirror = options.Mirrors[i];
            if (!Content.CveFeedLocation.IsUrl(mirror.From))
            {
                errors.Add($"{Key(nameof(options.Mirrors))}:{i}:From '{mirror.From}' is not an http(s) URL prefix.");
            }

            if (!Content.CveFeedLocation.IsValid(mirror.To))
            {
                errors.Add($"{Key(nameof(options.Mirrors))}:{i}:To '{mirror.To}' is neither an http(s) URL nor an absolute path.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !System.Net.Http.Headers.ProductInfoHeaderValue.TryParse(options.UserAgent.Split(' ')[0], out _))
        {
            errors.Add($"{Key(nameof(options.UserAgent))} '{options.UserAgent}' is not a User-Agent (product/version ...).");
        }

        if (!Enum.IsDefined(options.Policy))
        {
            errors.Add($"{Key(nameof(options.Policy))} '{options.Policy}' is none of Optional, Required, Disabled.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Key(string member) => CveFeedOptions.SectionName + ":" + member;
}

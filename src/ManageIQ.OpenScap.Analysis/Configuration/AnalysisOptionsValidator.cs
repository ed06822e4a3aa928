using ManageIQ.OpenScap.Contracts.Scanning;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>Checks the <c>Bridge</c> analysis keys at start; every error names its key.</summary>
public sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    private const string Prefix = AnalysisOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!ScanBackendNames.All.Contains(options.Backend, StringComparer.Ordinal))
        {
            errors.Add($"{Prefix}{nameof(AnalysisOptions.Backend)} is '{options.Backend}'; use {string.Join(" or ", ScanBackendNames.All)}.");
        }

        if (options.ResultsDirectory is { } results && !Path.IsPathFullyQualified(results))
        {
            errors.Add($"{Prefix}{nameof(AnalysisOptions.ResultsDirectory)} must be an absolute path: {results}");
        }

        if (options.PublicUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo)))
        {
            errors.Add($"{Prefix}{nameof(AnalysisOptions.PublicUrl)} must be an absolute http(s) address without credentials, query or fragment: {url}");
        }

        var retention = options.Results ?? new ResultsRetentionOptions();
        if (retention.MaxAge <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}Results:MaxAge must be a positive duration, not {retention.MaxAge}.");
        }

        if (retention.MaxTotalBytes < 1 << 20)
        {
            errors.Add($"{Prefix}Results:MaxTotalBytes must be at least 1048576 (1 MiB), not {retention.MaxTotalBytes}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

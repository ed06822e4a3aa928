using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>
/// Checks every provider's content at start, naming the key: a profile that is not blank, and a tailoring file that
/// is an absolute path to a file there. Its XML is read at each scan, which fails naming the file when it is no tailoring.
/// </summary>
internal sealed class ProviderScanContentsValidator : IValidateOptions<ProviderScanContents>
{
    public ValidateOptionsResult Validate(string? name, ProviderScanContents options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (id, content) in options.ByProvider.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var at = $"{ProviderScanContents.OverridesSection}:{id}:";
            if (content.Profile is { } profile && string.IsNullOrWhiteSpace(profile))
            {
                errors.Add($"{at}{nameof(ProviderScanContent.Profile)} is blank.");
            }

            if (content.TailoringFile is { } file && (!Path.IsPathFullyQualified(file) || !File.Exists(file)))
            {
                errors.Add($"{at}{nameof(ProviderScanContent.TailoringFile)} must be an absolute path to an existing file: {file}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using ManageIQ.OpenScap.Images.Registry;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images;

/// <summary>Checks the durations, the auth servers and the insecure registries at start, naming the key that is wrong.</summary>
public sealed class ImageAcquisitionOptionsValidator : IValidateOptions<ImageAcquisitionOptions>
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ImageAcquisitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (value, key) in new[]
        {
            (options.RequestTimeout, nameof(options.RequestTimeout)),
            (options.BodyTimeout, nameof(options.BodyTimeout)),
            (options.BlobIdleTimeout, nameof(options.BlobIdleTimeout)),
        })
        {
            if (value < MinimumTimeout || value > MaximumTimeout)
            {
                errors.Add($"{Key(key)} is {value}; it must be between {MinimumTimeout} and {MaximumTimeout}.");
            }
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{Key(nameof(options.RetryDelay))} is {options.RetryDelay}; it must be between 00:00:00 and 00:01:00.");
        }

        for (var i = 0; i < options.AuthServers.Count; i++)
        {
            var entry = options.AuthServers[i];
            var where = Key($"{nameof(options.AuthServers)}:{i}");
            if (!RegistryAuthority.TryParse(entry.Registry, out _))
            {
                errors.Add($"{where}:Registry '{entry.Registry}' is not host or host:port.");
            }

            if (Uri.CheckHostName(entry.AuthHost?.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                errors.Add($"{where}:AuthHost '{entry.AuthHost}' is not a host name.");
            }
        }

        for (var i = 0; i < options.InsecureRegistries.Count; i++)
        {
            try
            {
                _ = new InsecureRegistries([options.InsecureRegistries[i]]);
            }
            catch (FormatException e)
            {
                errors.Add($"{Key($"{nameof(options.InsecureRegistries)}:{i}")}: {e.Message}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Key(string member) => ImageAcquisitionOptions.SectionName + ":" + member;
}

using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Configuration;

/// <summary>Checks what data annotations cannot: URL scheme, credentials present, files readable, durations positive.</summary>
public sealed class ManageIqClientOptionsValidator : IValidateOptions<ManageIqClientOptions>
{
    private readonly Func<string, string?> _environment;

    public ManageIqClientOptionsValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal ManageIqClientOptionsValidator(Func<string, string?> environment)
    {
        _environment = environment;
    }

    public ValidateOptionsResult Validate(string? name, ManageIqClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
        {
            errors.Add("ManageIq:BaseUrl must be an absolute http or https URL.");
        }

        foreach (var (file, key) in new[] { (options.PasswordFile, "PasswordFile"), (options.TokenFile, "TokenFile"), (options.CaBundleFile, "CaBundleFile") })
        {
            if (!string.IsNullOrEmpty(file) && !File.Exists(file))
            {
                errors.Add($"ManageIq:{key} names a file that does not exist: {file}");
            }
        }

        if (options.SkipTlsVerification && !string.IsNullOrEmpty(options.CaBundleFile))
        {
            errors.Add("ManageIq:SkipTlsVerification and ManageIq:CaBundleFile contradict each other; set one.");
        }

        if (errors.Count == 0)
        {
            var credentials = ManageIqCredentials.Resolve(options, _environment);
            if (!credentials.CanAuthenticate && credentials.Token is null)
            {
                errors.Add("ManageIq needs credentials: User with Password or PasswordFile, or Token or TokenFile (or MANAGEIQ_USER/MANAGEIQ_PASSWORD/MANAGEIQ_TOKEN).");
            }
        }

        foreach (var (value, key) in new[] { (options.RequestTimeout, "RequestTimeout"), (options.RetryBaseDelay, "RetryBaseDelay"), (options.RetryMaxDelay, "RetryMaxDelay") })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"ManageIq:{key} must be positive.");
            }
        }

        if (options.TokenRenewalMargin < TimeSpan.Zero)
        {
            errors.Add("ManageIq:TokenRenewalMargin must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

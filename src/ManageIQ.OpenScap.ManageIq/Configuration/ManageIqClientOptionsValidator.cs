using ManageIQ.OpenScap.ManageIq.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Configuration;

/// <summary>
/// Checks what data annotations cannot: URL scheme, clear text, credentials present, files readable, durations
/// positive. What it accepts but an operator must know (plain HTTP) is logged as a warning.
/// </summary>
public sealed class ManageIqClientOptionsValidator : IValidateOptions<ManageIqClientOptions>
{
    private readonly Func<string, string?> _environment;
    private readonly ILogger _logger;

    // IOptions and IOptionsMonitor each validate once: the warning is said once per address.
    private string? _warned;

    public ManageIqClientOptionsValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public ManageIqClientOptionsValidator(ILogger<ManageIqClientOptionsValidator> logger)
        : this(Environment.GetEnvironmentVariable, logger)
    {
    }

    internal ManageIqClientOptionsValidator(Func<string, string?> environment, ILogger? logger = null)
    {
        _environment = environment;
        _logger = logger ?? NullLogger.Instance;
    }

    public ValidateOptionsResult Validate(string? name, ManageIqClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
        {
            errors.Add("ManageIq:BaseUrl must be an absolute http or https URL.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp)
        {
            CheckPlainHttp(url, options.AllowPlainHttp, errors);
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

    /// <summary>The credentials always travel to BaseUrl: over http only to a loopback host or when explicitly allowed.</summary>
    private void CheckPlainHttp(Uri url, bool allowed, List<string> errors)
    {
        var shown = url.GetLeftPart(UriPartial.Authority);
        if (url.IsLoopback || allowed)
        {
            if (Interlocked.Exchange(ref _warned, shown) != shown)
            {
                Log.PlainHttp(_logger, shown, url.IsLoopback ? "a loopback address" : "allowed by ManageIq:AllowPlainHttp");
            }

            return;
        }

        Log.PlainHttp(_logger, shown, "refused");
        errors.Add($"ManageIq:BaseUrl {shown} is plain HTTP: the credentials would cross the network in clear text. Use https, or set ManageIq:AllowPlainHttp to true to accept it.");
    }
}

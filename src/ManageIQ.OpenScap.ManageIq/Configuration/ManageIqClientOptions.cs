using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.ManageIq.Configuration;

/// <summary>
/// How to reach ManageIQ (section <c>ManageIq</c>). Credentials: <see cref="User"/> with <see cref="Password"/>
/// or <see cref="PasswordFile"/>, or a pre-issued <see cref="Token"/> / <see cref="TokenFile"/>; unset ones fall
/// back to the environment variables MANAGEIQ_USER, MANAGEIQ_PASSWORD and MANAGEIQ_TOKEN.
/// </summary>
public sealed class ManageIqClientOptions
{
    public const string SectionName = "ManageIq";

    /// <summary>The appliance, e.g. <c>https://miq.example.com</c> (a trailing <c>/api</c> is accepted).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A file holding the password (a mounted secret); trailing newlines are ignored.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>A pre-issued API token used instead of a password (renewed by use, not re-issued).</summary>
    public string? Token { get; set; }

    public string? TokenFile { get; set; }

    /// <summary>The group to act as (<c>X-MIQ-Group</c>), by description.</summary>
    public string? Group { get; set; }

    /// <summary>PEM file of the CA certificates that sign the appliance's certificate.</summary>
    public string? CaBundleFile { get; set; }

    /// <summary>Skips TLS certificate verification; logged as a warning at start. Never the default.</summary>
    public bool SkipTlsVerification { get; set; }

    /// <summary>
    /// Accepts a plain <c>http://</c> <see cref="BaseUrl"/> whose host is not a loopback address; without it such an
    /// address is refused at start, since the credentials would cross the network in clear text. Logged as a warning.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Page size of collection listings; ManageIQ caps pages at 1000.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>
    /// Listings request the next page while the current one is read and consumed (at most one page ahead, so at
    /// most two GETs of one listing at a time); false fetches strictly one page after another.
    /// </summary>
    public bool ReadAhead { get; set; } = true;

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of idempotent calls after a 502, 503, 504, a time-out or a dropped connection.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A token is renewed this long before its <c>expires_on</c>.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Describes the settings without any credential.</summary>
    public override string ToString() =>
        $"ManageIq {{ BaseUrl = {BaseUrl}, Group = {Group}, PageSize = {PageSize}, SkipTlsVerification = {SkipTlsVerification}, AllowPlainHttp = {AllowPlainHttp} }}";
}

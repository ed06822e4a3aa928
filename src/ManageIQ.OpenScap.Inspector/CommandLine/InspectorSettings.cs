using ManageIQ.OpenScap.Scanner.CommandLine;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The inspector's settings, from its flags: the scan (the flags it shares with <c>bridge scan</c>) and serving.</summary>
public sealed record InspectorSettings
{
    public required ScanInvocation Scan { get; init; }

    /// <summary>HOST:PORT to serve on; null for the one-shot mode.</summary>
    public ServeAddress? Serve { get; init; }

    /// <summary>The shared X-Auth-Token; null serves without authentication.</summary>
    public string? AuthToken { get; init; }

    public ScanSettings ScanSettings => Scan.Settings;

    /// <summary>The image, canonical.</summary>
    public string Image => Scan.Settings.Image.ToString();

    public string ResultsDirectory => Scan.Settings.ResultsDirectory;

    public bool HtmlReport => Scan.Settings.HtmlReport;

    // The token is a secret: keep it out of any printed form of the settings.
    public override string ToString() => $"InspectorSettings {{ Image = {Image}, Serve = {Serve}, WorkDirectory = {Scan.Settings.WorkDirectory} }}";
}

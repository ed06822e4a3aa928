using System.CommandLine;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Scanner.CommandLine;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The shared scan flags, plus what only the inspector has: the scan type, serving, and the shared token.</summary>
internal sealed class InspectorFlags
{
    public ScanFlags Scan { get; } = new(ScanFlagStyle.Inspector);

    public Option<string> ScanType { get; } = new(InspectorFlagNames.ScanType) { Description = "The scan: openscap (the only one)." };

    public Option<string> Serve { get; } = new(InspectorFlagNames.Serve) { Description = "HOST:PORT: listen at once, scan in the background, serve the results." };

    public Option<string> AuthTokenFile { get; } = new(InspectorFlagNames.AuthTokenFile, InspectorFlagNames.WebdavTokenFile) { Description = $"File holding the shared {InspectorWire.AuthTokenHeader} (else env {InspectorWire.AuthTokenVariable})." };

    public void AddTo(Command command)
    {
        Scan.AddTo(command);
        command.Options.Add(ScanType);
        command.Options.Add(Serve);
        command.Options.Add(AuthTokenFile);
    }

    /// <exception cref="FormatException">A flag is missing, malformed or contradicts another; the message says which, as image-inspector does.</exception>
    public InspectorSettings ToSettings(ParseResult parse)
    {
        Scan.RequireImage(parse);
        var scanType = parse.GetValue(ScanType);
        if (scanType != InspectorWire.ScanType)
        {
            throw new FormatException($"'{scanType}' is not one of the available scan-types which are [{InspectorWire.ScanType}] ({InspectorFlagNames.ScanType})");
        }

        var serve = parse.GetValue(Serve);
        var serveAddress = serve is null ? null : ServeAddress.Parse(serve);
        return new InspectorSettings
        {
            Scan = WithCveUrlFromEnvironment(Scan.Bind(parse)),
            Serve = serveAddress,
            AuthToken = ReadToken(parse.GetValue(AuthTokenFile)),
        };
    }

    /// <summary>
    /// Without <c>--cve-url</c>, the feed from <c>INSPECTOR_CVE_URL</c>: a URL with credentials reaches a scanning pod
    /// through its secret, never its command line (which anyone on the node can read in <c>/proc/*/cmdline</c>).
    /// </summary>
    private static ScanInvocation WithCveUrlFromEnvironment(ScanInvocation scan)
    {
        var content = scan.Settings.ContentOverride;
        return content.CveFeed is null && NonEmpty(Environment.GetEnvironmentVariable(InspectorWire.CveUrlVariable)) is { } url
            ? scan with { Settings = scan.Settings with { ContentOverride = content with { CveFeed = url } } }
            : scan;
    }

    private static string? ReadToken(string? file)
    {
        string? token;
        try
        {
            token = file is null ? Environment.GetEnvironmentVariable(InspectorWire.AuthTokenVariable) : File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw new FormatException($"{InspectorFlagNames.AuthTokenFile} {file} cannot be read: {e.Message}", e);
        }

        token = token?.Trim();
        if (file is not null && string.IsNullOrEmpty(token))
        {
            throw new FormatException($"{InspectorFlagNames.AuthTokenFile} {file} is empty");
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

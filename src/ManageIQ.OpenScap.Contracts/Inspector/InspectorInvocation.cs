using System.Globalization;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>One run of the inspector as another process starts it (the scanning pod); <see cref="ToArguments"/> is its command line.</summary>
public sealed record InspectorInvocation
{
    public required string Image { get; init; }

    /// <summary>HOST:PORT to serve on; null for the one-shot mode.</summary>
    public string? Serve { get; init; }

    public string? WorkDirectory { get; init; }

    public string? ResultsDirectory { get; init; }

    public bool HtmlReport { get; init; }

    public IReadOnlyList<string> DockerConfigFiles { get; init; } = [];

    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    public string? CveUrl { get; init; }

    public string? SsgDataStream { get; init; }

    public string? SsgProfile { get; init; }

    public string? TailoringFile { get; init; }

    public TimeSpan? ScanTimeout { get; init; }

    public string? AuthTokenFile { get; init; }

    /// <summary>Serve on every interface at the inspector's port.</summary>
    public static string ServeEverywhere => "0.0.0.0:" + InspectorWire.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The arguments, each <c>--flag=value</c> (a value can never be mistaken for a flag).</summary>
    public IList<string> ToArguments()
    {
        var arguments = new List<string> { Flag(InspectorFlagNames.Image, Image), Flag(InspectorFlagNames.ScanType, InspectorWire.ScanType) };
        Add(arguments, InspectorFlagNames.Serve, Serve);
        Add(arguments, InspectorFlagNames.WorkDirectory, WorkDirectory);
        Add(arguments, InspectorFlagNames.ResultsDirectory, ResultsDirectory);
        if (HtmlReport)
        {
            arguments.Add(InspectorFlagNames.HtmlReport);
        }

        arguments.AddRange(DockerConfigFiles.Select(f => Flag(InspectorFlagNames.DockerConfig, f)));
        arguments.AddRange(InsecureRegistries.Select(r => Flag(InspectorFlagNames.InsecureRegistry, r)));
        Add(arguments, InspectorFlagNames.CveUrl, CveUrl);
        Add(arguments, InspectorFlagNames.SsgDataStream, SsgDataStream);
        Add(arguments, InspectorFlagNames.SsgProfile, SsgProfile);
        Add(arguments, InspectorFlagNames.TailoringFile, TailoringFile);
        Add(arguments, InspectorFlagNames.ScanTimeout, ScanTimeout?.ToString("c", CultureInfo.InvariantCulture));
        Add(arguments, InspectorFlagNames.AuthTokenFile, AuthTokenFile);
        return arguments;
    }

    private static void Add(List<string> arguments, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Add(Flag(flag, value));
        }
    }

    private static string Flag(string flag, string value) => flag + "=" + value;
}

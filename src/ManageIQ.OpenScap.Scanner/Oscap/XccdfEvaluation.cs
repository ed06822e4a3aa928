namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>An offline <c>oscap xccdf eval</c> of an unpacked root filesystem.</summary>
public sealed record XccdfEvaluation
{
    /// <summary>The unpacked root filesystem (OSCAP_PROBE_ROOT).</summary>
    public required string ProbeRoot { get; init; }

    /// <summary>The image reference (OSCAP_EVALUATION_TARGET): it lands in the ARF's target facts.</summary>
    public required string Target { get; init; }

    public required string DataStreamPath { get; init; }

    /// <summary>The profile id (or the suffix oscap matches, e.g. <c>standard</c>).</summary>
    public required string Profile { get; init; }

    public string? TailoringFile { get; init; }

    /// <summary>Handed to <c>--local-files</c>: holds remote check content under the names the data stream uses.</summary>
    public string? LocalFilesDirectory { get; init; }

    public required string ArfPath { get; init; }

    /// <summary>A private directory of this scan for oscap's working files.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>The image's RPM database directory inside the root (<c>/var/lib/rpm</c>), for the RPM probes; null for other images.</summary>
    public string? RpmDatabaseDirectory { get; init; }
}

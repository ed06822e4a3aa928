namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>An offline <c>oscap oval eval</c> of a CVE feed that the data stream does not reference itself.</summary>
public sealed record OvalEvaluation
{
    public required string ProbeRoot { get; init; }

    public required string Target { get; init; }

    /// <summary>The OVAL definitions (plain or bzip2).</summary>
    public required string DefinitionsPath { get; init; }

    public required string ResultsPath { get; init; }

    public required string WorkDirectory { get; init; }

    /// <summary>The image's RPM database directory inside the root (<c>/var/lib/rpm</c>), for the RPM probes; null for other images.</summary>
    public string? RpmDatabaseDirectory { get; init; }
}

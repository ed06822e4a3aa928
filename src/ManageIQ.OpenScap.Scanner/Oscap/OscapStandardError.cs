namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Reads oscap's standard error.</summary>
public static class OscapStandardError
{
    /// <summary>oscap 1.3.7's dpkginfo probe prints this when libapt-pkg failed; package lookups are then silently empty.</summary>
    public const string DpkginfoFailure = "dpkginfo_init has failed";

    /// <summary>The error of an RPM scan where the probes cannot chroot(); the start of every such message.</summary>
    public const string RpmNeedsChroot = "RPM probes need chroot";

    private const int MaxLines = 20;

    /// <summary>The error lines: those starting with <c>E:</c> or <c>OpenSCAP Error:</c>, at most 20.</summary>
    public static IReadOnlyList<string> ErrorLines(string standardError)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        return standardError
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("OpenSCAP Error:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxLines)
            .ToList();
    }

    /// <summary>What to say about a failure: the error lines, else the first lines that are not warnings (oscap prints some errors unprefixed).</summary>
    public static string Describe(string standardError)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        var errors = ErrorLines(standardError);
        var lines = errors.Count > 0
            ? errors
            : standardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.StartsWith("W:", StringComparison.Ordinal) && !l.StartsWith("WARNING:", StringComparison.Ordinal))
                .Take(3)
                .ToList();
        return string.Join("; ", lines);
    }

    /// <summary>
    /// The probes that chroot() into the root (rpminfo, rpmverify*) print <c>chroot failed: ...</c> or
    /// <c>chroot(".") failed: ...</c> when they may not, and read the host's files instead.
    /// </summary>
    public static bool HasChrootFailure(string standardError) =>
        standardError?.Split('\n').Any(l => l.StartsWith("E:", StringComparison.Ordinal) && (l.Contains("chroot failed", StringComparison.Ordinal) || l.Contains("chroot(\".\") failed", StringComparison.Ordinal))) == true;

    public static bool HasDpkginfoFailure(string standardError) =>
        standardError?.Contains(DpkginfoFailure, StringComparison.Ordinal) == true;
}

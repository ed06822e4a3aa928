namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>A completed evaluation.</summary>
/// <param name="ExitCode">0: nothing failed; 2: at least one rule fail, error or unknown.</param>
/// <param name="ResultPath">The ARF or OVAL results file written.</param>
/// <param name="Elapsed">oscap's wall time.</param>
/// <param name="Warnings">oscap's warnings (offline probes, local files used), at most 20.</param>
public sealed record OscapEvaluationResult(int ExitCode, string ResultPath, TimeSpan Elapsed, IReadOnlyList<string> Warnings)
{
    public bool HasFailures => ExitCode == 2;
}

using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Analysis;

/// <summary><c>bridge analyze</c>'s exit status for each way an analysis ends (docs/exit-codes.md).</summary>
public static class AnalysisExitCodes
{
    public static int For(AnalysisStatus status) => status switch
    {
        AnalysisStatus.Posted => ExitCodes.Passed,
        AnalysisStatus.ErrorPosted => ExitCodes.ScanFailedPosted,
        AnalysisStatus.Unreachable => ExitCodes.ManageIqUnreachable,
        AnalysisStatus.Refused => ExitCodes.ManageIqRefused,
        // A wrong image id, an archived image, credentials or a role that can't see it: the arguments or the configuration.
        _ => ExitCodes.InvalidArguments,
    };
}

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The one rule every backend applies: a result of another image than the job's is never that image's result.</summary>
public static class ImageIdentityCheck
{
    public static ScanReport Apply(ScanReport report, ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(job);
        if (job.ExpectedIdentity is not { } expected || report.Image is not { } seen || seen.Matches(expected))
        {
            return report;
        }

        var why = job.ExpectedDigest is null
            ? $"the image {job.Image} is no longer {expected} (its tag moved?): the scanner saw {seen}"
            : $"the image {job.PullSpec} resolved to {seen}, not {expected}";
        return report with
        {
            Outcome = ScanOutcome.Failed,
            ErrorKind = ScanErrorKind.ImageMismatch,
            ErrorMessage = "Not the image ManageIQ lists: " + why + ".",
            Summary = null,
            OscapExitCode = null,
        };
    }
}

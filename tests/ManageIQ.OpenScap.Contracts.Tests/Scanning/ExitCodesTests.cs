using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Tests.Scanning;

public class ExitCodesTests
{
    [TestCase(ScanErrorKind.InvalidRequest, ExitCodes.InvalidArguments)]
    [TestCase(ScanErrorKind.ImageAcquireFailed, ExitCodes.ImageAcquireError)]
    [TestCase(ScanErrorKind.ImageMismatch, ExitCodes.ImageMismatch)]
    [TestCase(ScanErrorKind.NoContent, ExitCodes.NoContent)]
    [TestCase(ScanErrorKind.OpenScapFailed, ExitCodes.OpenScapError)]
    [TestCase(ScanErrorKind.ScannerFailed, ExitCodes.BackendError)]
    [TestCase(ScanErrorKind.BackendUnavailable, ExitCodes.BackendError)]
    [TestCase(ScanErrorKind.TimedOut, ExitCodes.BackendError)]
    [TestCase(ScanErrorKind.ScannerError, ExitCodes.BackendError)]
    public void For_AFailure_IsItsKindsCode(ScanErrorKind kind, int code)
    {
        Assert.That(ExitCodes.For(ScanReport.Failure(kind, "x")), Is.EqualTo(code));
    }

    [TestCase(0, ExitCodes.Passed)]
    [TestCase(2, ExitCodes.Findings)]
    public void For_ACompletedScan_SaysWhetherAnyRuleFailed(int oscapExitCode, int code)
    {
        Assert.That(ExitCodes.For(new ScanReport { Outcome = ScanOutcome.Completed, OscapExitCode = oscapExitCode }), Is.EqualTo(code));
    }

    [Test]
    public void EveryErrorKind_HasACode()
    {
        foreach (var kind in Enum.GetValues<ScanErrorKind>().Where(k => k != ScanErrorKind.None))
        {
            Assert.That(ExitCodes.For(ScanReport.Failure(kind, "x")), Is.Not.EqualTo(ExitCodes.Passed).And.Not.EqualTo(ExitCodes.Findings), kind.ToString());
        }
    }
}

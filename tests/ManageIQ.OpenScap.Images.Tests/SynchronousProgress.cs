namespace ManageIQ.OpenScap.Images.Tests;

/// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class SynchronousProgress(List<AcquisitionProgress> reports) : IProgress<AcquisitionProgress>
{
    public void Report(AcquisitionProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}

using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>
/// One ManageIQ container image from lookup to published result: read it (with its attributes, in one request),
/// scan it on the configured backend, commit the result, post it through the outbox. Never throws for a failed
/// scan or an unreachable ManageIQ (the <see cref="ImageAnalysis.Status"/> says); only cancellation throws.
/// </summary>
public interface IImageAnalyzer
{
    Task<ImageAnalysis> AnalyzeAsync(long imageId, IProgress<ScanProgress>? progress, CancellationToken cancellationToken);
}

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>Writes a compliance decision onto the OpenShift Image object (no-op on plain Kubernetes).</summary>
public interface IImageAnnotator
{
    Task<ImageAnnotationOutcome> AnnotateAsync(ImageAnnotationRequest request, CancellationToken cancellationToken);
}

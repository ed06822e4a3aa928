namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>
/// Writes a verdict onto the image's cluster (the OpenShift Image annotations). Implementations log and swallow
/// what the cluster answers, so a verdict is never lost to enforcement; each call has the cluster's deadline.
/// </summary>
public interface IImageEnforcer
{
    Task EnforceAsync(ImageEnforcementRequest request, CancellationToken cancellationToken);
}

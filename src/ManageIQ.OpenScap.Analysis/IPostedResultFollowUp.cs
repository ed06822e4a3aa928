using ManageIQ.OpenScap.ManageIq.Models;

namespace ManageIQ.OpenScap.Analysis;

/// <summary>
/// What runs after an image's result reached ManageIQ (e.g. ManageIQ's own compliance check). It never fails the
/// publishing: what goes wrong is its own to log. Only cancellation propagates.
/// </summary>
public interface IPostedResultFollowUp
{
    /// <summary>The image whose result was just posted, as ManageIQ listed it (its provider is <see cref="ContainerImage.EmsId"/>).</summary>
    Task AfterPostedAsync(ContainerImage image, CancellationToken cancellationToken);
}

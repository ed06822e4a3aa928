namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// The start-up check of ManageIQ: one <c>GET /api?attributes=authorization</c> that reads the API version, who the
/// bridge is, and its product features. Call it at start (and from a readiness check); it is no hosted service.
/// </summary>
public interface IManageIqProbe
{
    /// <summary>
    /// Probes within <see cref="ManageIqProbeOptions.Deadline"/>. Every failure is a result, never an exception, except
    /// the caller's own cancellation (<see cref="OperationCanceledException"/>).
    /// </summary>
    /// <param name="capabilities">What the bridge is configured to do; the features of each are checked.</param>
    /// <param name="cancellationToken">The caller's; the probe's own deadline applies as well.</param>
    Task<ManageIqProbeResult> ProbeAsync(ManageIqCapabilities capabilities, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ProbeAsync(ManageIqCapabilities, CancellationToken)"/>, also reporting the features of
    /// <paramref name="reported"/>: those missing are logged and listed in <see cref="ManageIqProbeResult.MissingFeatures"/>,
    /// but only the ones of <paramref name="capabilities"/> keep the result from being ready. One request either way.
    /// </summary>
    Task<ManageIqProbeResult> ProbeAsync(ManageIqCapabilities capabilities, ManageIqCapabilities reported, CancellationToken cancellationToken = default);
}

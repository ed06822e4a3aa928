using System.Globalization;
using ManageIQ.OpenScap.Analysis.Composing;
using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Enforcement;

/// <summary>
/// Hands a composed verdict to the cluster (<see cref="IImageEnforcer"/>): deny execution of a non-compliant image,
/// lift it for a compliant one, and leave an <c>error</c> alone unless <c>Bridge:Enforcement:DenyOnError</c>. An image
/// without a provider or a <c>sha256:</c> digest has no OpenShift Image to annotate.
/// </summary>
public sealed class VerdictEnforcement(IImageEnforcer enforcer, IOptions<EnforcementOptions> options)
{
    public const string DigestPrefix = "sha256:";

    public Task EnforceAsync(ContainerImage image, ComposedResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(result);
        var settings = options.Value;
        if (EnforcementDecision.Compliant(result.Status, settings) is not { } compliant
            || image.EmsId is not { } provider
            || result.Record.Digest is not { } digest
            || !digest.StartsWith(DigestPrefix, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var counts = result.Published.Summary?.FailedBySeverity ?? ScapSeverityCounts.Zero;
        return enforcer.EnforceAsync(
            new ImageEnforcementRequest(provider.ToString(CultureInfo.InvariantCulture), digest, settings.PolicyName, compliant, counts, result.Record.ScannedOn),
            cancellationToken);
    }
}

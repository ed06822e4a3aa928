using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>A verdict to act on: deny or allow execution of the image with this digest on its provider's cluster.</summary>
/// <param name="ProviderId">ManageIQ's provider id.</param>
/// <param name="Digest">The image digest, <c>sha256:…</c>: the OpenShift Image object's name.</param>
/// <param name="PolicyName">The policy that passed or failed.</param>
/// <param name="Compliant">False sets <c>images.openshift.io/deny-execution</c> "true".</param>
/// <param name="FailedBySeverity">The failed results that count (after waivers), for the quality annotation.</param>
/// <param name="ScannedOn">When the scan ran.</param>
public sealed record ImageEnforcementRequest(string ProviderId, string Digest, string PolicyName, bool Compliant, ScapSeverityCounts FailedBySeverity, DateTimeOffset ScannedOn);

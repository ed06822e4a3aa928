using ManageIQ.OpenScap.Kubernetes.Connections;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>A compliance decision to publish on an image.</summary>
/// <param name="Provider">The provider whose cluster holds the Image.</param>
/// <param name="ImageDigest">The image digest, <c>sha256:…</c> (a full pull spec with <c>@sha256:…</c> is accepted).</param>
/// <param name="PolicyName">The ManageIQ policy that decided (e.g. <c>openscap policy</c>).</param>
/// <param name="Compliant">The decision: false also sets <c>images.openshift.io/deny-execution</c> to "true".</param>
/// <param name="FailedRules">Failed rules per severity, for the quality annotation.</param>
/// <param name="Timestamp">When the scan ran.</param>
public sealed record ImageAnnotationRequest(
    ProviderRef Provider,
    string ImageDigest,
    string PolicyName,
    bool Compliant,
    SeverityCounts FailedRules,
    DateTimeOffset Timestamp);

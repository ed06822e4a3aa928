namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>Whether and how verdicts act on OpenShift (section <c>Bridge:Enforcement</c>).</summary>
public sealed class EnforcementOptions
{
    public const string SectionName = "Bridge:Enforcement";

    /// <summary>The policy name written by default: the bridge's compliance policy in <c>policies/openscap-profile-bridge.yaml</c>.</summary>
    public const string DefaultPolicyName = "openscap compliance (bridge)";

    public const int MaxPolicyNameLength = 256;

    /// <summary>
    /// Annotate the OpenShift Image of each judged image: <c>images.openshift.io/deny-execution</c> "true" for a
    /// non-compliant one, "false" with the passing policy for a compliant one. Default true.
    /// </summary>
    public bool Annotate { get; set; } = true;

    /// <summary>Deny execution of an image whose scan failed (<c>error</c>, which has no verdict). Default false.</summary>
    public bool DenyOnError { get; set; }

    /// <summary>The policy named in <c>security.manageiq.org/successful-policy</c> or <c>failed-policy</c>.</summary>
    public string PolicyName { get; set; } = DefaultPolicyName;
}

using ManageIQ.OpenScap.Publishing;

namespace ManageIQ.OpenScap.Compliance.Enforcement;

/// <summary>What a status asks of the cluster: deny, allow, or nothing.</summary>
public static class EnforcementDecision
{
    /// <summary>
    /// True (allow) for <c>compliant</c>, false (deny) for <c>non_compliant</c>; for <c>error</c>, which has no
    /// verdict, deny only with <see cref="EnforcementOptions.DenyOnError"/>, else nothing. Nothing when annotating is off.
    /// </summary>
    public static bool? Compliant(OpenScapStatus status, EnforcementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Annotate)
        {
            return null;
        }

        return status switch
        {
            OpenScapStatus.Compliant => true,
            OpenScapStatus.NonCompliant => false,
            _ => options.DenyOnError ? false : null,
        };
    }
}

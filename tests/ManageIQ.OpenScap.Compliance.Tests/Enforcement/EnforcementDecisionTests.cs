using ManageIQ.OpenScap.Compliance.Enforcement;
using ManageIQ.OpenScap.Publishing;
using static ManageIQ.OpenScap.Publishing.OpenScapStatus;

namespace ManageIQ.OpenScap.Compliance.Tests.Enforcement;

/// <summary>What each status asks of the cluster: null is "leave the Image alone".</summary>
public sealed class EnforcementDecisionTests
{
    [TestCase(Compliant, true, false, true)]
    [TestCase(NonCompliant, true, false, false)]
    [TestCase(Error, true, false, null)]
    [TestCase(Error, true, true, false)]
    [TestCase(Compliant, false, false, null)]
    [TestCase(NonCompliant, false, true, null)]
    public void Compliant_TheStatusAndOptions_DecideAsTheTableSays(OpenScapStatus status, bool annotate, bool denyOnError, bool? expected) =>
        Assert.That(EnforcementDecision.Compliant(status, new EnforcementOptions { Annotate = annotate, DenyOnError = denyOnError }), Is.EqualTo(expected));
}

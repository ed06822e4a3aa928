namespace ManageIQ.OpenScap.Oval.Tests;

public sealed class CriteriaLogicTests
{
    [TestCase("at_least_one_exists", false, OvalTruth.False)]
    [TestCase("at_least_one_exists", true, OvalTruth.False)]
    [TestCase(null, true, OvalTruth.False)]
    [TestCase("all_exist", true, OvalTruth.False)]
    [TestCase("only_one_exists", false, OvalTruth.False)]
    [TestCase("none_exist", false, OvalTruth.True)]
    [TestCase("none_exist", true, OvalTruth.Unknown)]
    [TestCase("any_exist", false, OvalTruth.True)]
    [TestCase("any_exist", true, OvalTruth.Unknown)]
    [TestCase("some_exist", false, OvalTruth.Unknown)]
    public void MissingPackage_FollowsCheckExistence(string? checkExistence, bool hasState, OvalTruth expected) =>
        Assert.That(CriteriaLogic.MissingPackage(checkExistence, hasState), Is.EqualTo(expected));

    [TestCase(OvalOperator.And, 2, 0, 0, OvalTruth.True)]
    [TestCase(OvalOperator.And, 1, 1, 1, OvalTruth.False)]
    [TestCase(OvalOperator.And, 1, 0, 1, OvalTruth.Unknown)]
    [TestCase(OvalOperator.Or, 0, 2, 0, OvalTruth.False)]
    [TestCase(OvalOperator.Or, 1, 1, 1, OvalTruth.True)]
    [TestCase(OvalOperator.Or, 0, 1, 1, OvalTruth.Unknown)]
    [TestCase(OvalOperator.One, 1, 2, 0, OvalTruth.True)]
    [TestCase(OvalOperator.One, 1, 0, 1, OvalTruth.Unknown)]
    [TestCase(OvalOperator.One, 2, 0, 1, OvalTruth.False)]
    [TestCase(OvalOperator.One, 0, 3, 0, OvalTruth.False)]
    [TestCase(OvalOperator.One, 0, 2, 1, OvalTruth.Unknown)]
    [TestCase(OvalOperator.Xor, 3, 1, 0, OvalTruth.True)]
    [TestCase(OvalOperator.Xor, 2, 1, 0, OvalTruth.False)]
    [TestCase(OvalOperator.Xor, 1, 1, 1, OvalTruth.Unknown)]
    [TestCase(OvalOperator.And, 0, 0, 0, OvalTruth.Unknown)]
    public void Combine_IsOvalsOperatorInThreeValues(OvalOperator op, int trues, int falses, int unknowns, OvalTruth expected) =>
        Assert.That(CriteriaLogic.Combine(op, trues, falses, unknowns), Is.EqualTo(expected));

    [Test]
    public void Negate_SwapsTrueAndFalseAndKeepsUnknown() => Assert.Multiple(() =>
    {
        Assert.That(CriteriaLogic.Negate(OvalTruth.True), Is.EqualTo(OvalTruth.False));
        Assert.That(CriteriaLogic.Negate(OvalTruth.False), Is.EqualTo(OvalTruth.True));
        Assert.That(CriteriaLogic.Negate(OvalTruth.Unknown), Is.EqualTo(OvalTruth.Unknown));
    });
}

namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// OVAL 5.11's operators and negation in three-valued logic. Where OVAL would give <c>error</c>,
/// <c>not evaluated</c> or <c>not applicable</c> for some child, that child is <see cref="OvalTruth.Unknown"/> here, so
/// a result is definite only when every possible outcome of the unknown children gives it.
/// </summary>
internal static class CriteriaLogic
{
    public static OvalTruth Negate(OvalTruth value) => value switch
    {
        OvalTruth.True => OvalTruth.False,
        OvalTruth.False => OvalTruth.True,
        _ => OvalTruth.Unknown,
    };

    public static OvalTruth Combine(OvalOperator op, int trues, int falses, int unknowns)
    {
        var count = trues + falses + unknowns;
        if (count == 0)
        {
            // The schema requires a child; oscap would refuse the definition, so nothing is known.
            return OvalTruth.Unknown;
        }

        return op switch
        {
            // AND: false as soon as one child is false; true only when all are.
            OvalOperator.And => falses > 0 ? OvalTruth.False : unknowns == 0 ? OvalTruth.True : OvalTruth.Unknown,

            // OR: true as soon as one child is true; false only when all are.
            OvalOperator.Or => trues > 0 ? OvalTruth.True : unknowns == 0 ? OvalTruth.False : OvalTruth.Unknown,

            // ONE: false when two are already true or all are false; true only when exactly one is true and no child is unknown.
            OvalOperator.One => trues >= 2 || falses == count ? OvalTruth.False
                : trues == 1 && unknowns == 0 ? OvalTruth.True
                : OvalTruth.Unknown,

            // XOR: the parity of the true children, known only when no child is unknown.
            OvalOperator.Xor => unknowns > 0 ? OvalTruth.Unknown : trues % 2 == 1 ? OvalTruth.True : OvalTruth.False,
            _ => OvalTruth.Unknown,
        };
    }

    /// <summary>
    /// A package test whose object names a package the image does not have: the probe collects no item (the object's
    /// flag is "does not exist"). OVAL 5.11 (oval-common ExistenceEnumeration, test evaluation) then gives:
    /// <list type="bullet">
    /// <item><c>at_least_one_exists</c> (the default), <c>all_exist</c>, <c>only_one_exists</c>: each needs at least one
    /// existing item, so the existence check is false and so is the test, whatever its states and <c>check</c> say.</item>
    /// <item><c>none_exist</c>, <c>any_exist</c>: the existence check is true. Without a state the test's result is that
    /// result, true. With a state the <c>check</c> is applied to an empty set of items, which the specification leaves to
    /// the implementation: unknown, so the test never decides anything.</item>
    /// </list>
    /// An unrecognised value is unknown.
    /// </summary>
    public static OvalTruth MissingPackage(string? checkExistence, bool hasState) => (checkExistence ?? "at_least_one_exists") switch
    {
        "at_least_one_exists" or "all_exist" or "only_one_exists" => OvalTruth.False,
        "none_exist" or "any_exist" => hasState ? OvalTruth.Unknown : OvalTruth.True,
        _ => OvalTruth.Unknown,
    };

    public static OvalOperator? ParseOperator(string? value) => (value ?? "AND") switch
    {
        "AND" => OvalOperator.And,
        "OR" => OvalOperator.Or,
        "ONE" => OvalOperator.One,
        "XOR" => OvalOperator.Xor,
        _ => null,
    };
}

namespace ManageIQ.OpenScap.Oval;

/// <summary>One node of a definition's criteria tree, as read from the feed.</summary>
/// <param name="Kind">criteria, criterion or extend_definition.</param>
/// <param name="Negate">The node's <c>negate</c> attribute.</param>
/// <param name="Operator">A criteria's operator; null when the feed gives one OVAL does not define.</param>
/// <param name="Reference">A criterion's <c>test_ref</c> or an extend_definition's <c>definition_ref</c>.</param>
/// <param name="Children">A criteria's children.</param>
internal sealed record CriteriaNode(CriteriaNodeKind Kind, bool Negate, OvalOperator? Operator, string? Reference, IReadOnlyList<CriteriaNode> Children)
{
    public static CriteriaNode Criterion(string? testRef, bool negate) => new(CriteriaNodeKind.Criterion, negate, null, testRef, []);

    public static CriteriaNode Extend(string? definitionRef, bool negate) => new(CriteriaNodeKind.ExtendDefinition, negate, null, definitionRef, []);
}

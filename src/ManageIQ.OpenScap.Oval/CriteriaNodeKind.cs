namespace ManageIQ.OpenScap.Oval;

/// <summary>The element a <see cref="CriteriaNode"/> was read from.</summary>
internal enum CriteriaNodeKind
{
    Criteria,
    Criterion,
    ExtendDefinition,
}

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary>One parsed <c>filter[]</c>: attribute (maybe one association hop), operator, value, and whether it is ORed.</summary>
internal sealed record FilterClause(string? Association, string Attribute, string Operator, FilterValue Value, bool Or);

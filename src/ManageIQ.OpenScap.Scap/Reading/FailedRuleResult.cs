namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>A failed rule-result as read, before the end-of-document join with rules and OVAL definitions.</summary>
internal sealed record FailedRuleResult(string IdRef, string? Severity, double? Weight, IReadOnlyList<ScapIdent> Idents, string? CheckName);

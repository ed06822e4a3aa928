namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>What the summary needs of an OVAL definition: class, title, CVE references and advisory severity.</summary>
internal sealed record OvalDefinitionInfo(string? Class, string? Title, IReadOnlyList<string> Cves, ScapSeverity? AdvisorySeverity);

namespace ManageIQ.OpenScap.Scap;

/// <summary>A CVE found vulnerable, with the highest severity of the failed results that name it.</summary>
public sealed record ScapCve(string Id, ScapSeverity Severity);

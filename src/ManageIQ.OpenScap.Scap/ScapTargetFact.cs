namespace ManageIQ.OpenScap.Scap;

/// <summary>One <c>target-facts/fact</c> of a TestResult (names such as <c>urn:xccdf:fact:identifier</c> may repeat).</summary>
public sealed record ScapTargetFact(string Name, string? Type, string Value);

namespace ManageIQ.OpenScap.Scap;

/// <summary>One TestResult <c>score</c>, e.g. system <c>urn:xccdf:scoring:default</c>, maximum 100.</summary>
public sealed record ScapScore(string System, double? Maximum, double Value);

namespace ManageIQ.OpenScap.Scap;

/// <summary>The profile of a TestResult; the title comes from the benchmark's Profile element when present.</summary>
public sealed record ScapProfileInfo(string Id, string? Title);

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>What oscap is run with: the profile (possibly tailored), and where the CVE feed went.</summary>
internal sealed record PreparedEvaluation(string Profile, string? TailoringFile, string? LocalFilesDirectory, string? SeparateOvalFeed);

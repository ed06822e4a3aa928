namespace ManageIQ.OpenScap.State.History;

/// <summary>One compaction: rows deleted, free pages returned to the file system, and whether rows remain for the next one.</summary>
public sealed record CompactionReport(int ResultsDeleted, int ScansDeleted, long PagesFreed, bool MoreToDelete);

namespace ManageIQ.OpenScap.Analysis.Retention;

/// <summary>One pass over the results directory: scan directories deleted for age and for size, bytes freed and kept.</summary>
public sealed record RetentionReport(int DeletedForAge, int DeletedForSize, long FreedBytes, long KeptBytes);

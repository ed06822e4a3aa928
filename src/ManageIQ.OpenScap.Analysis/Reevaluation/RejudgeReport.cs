namespace ManageIQ.OpenScap.Analysis.Reevaluation;

/// <summary>What judging the stored results again did: how many results were looked at, changed (and posted) or skipped.</summary>
public sealed record RejudgeReport(int Checked, int Changed, int Skipped);

using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>What feed slimming did.</summary>
/// <param name="Definitions">The counts, when the feed was slimmed.</param>
/// <param name="Note">What people should know: the counts, or why the whole feed was evaluated; null when slimming is off.</param>
internal sealed record CveFeedSlimmingOutcome(CveFeedDefinitions? Definitions, string? Note)
{
    public static CveFeedSlimmingOutcome NotSlimmed { get; } = new(null, null);
}

namespace ManageIQ.OpenScap.Oval;

/// <summary>What slimming a feed did.</summary>
/// <param name="Definitions">Definitions in the feed.</param>
/// <param name="KeptDefinitions">Definitions in the slimmed feed: those not definitely false, and those they extend.</param>
/// <param name="Elapsed">Both passes.</param>
public sealed record OvalSlimResult(int Definitions, int KeptDefinitions, TimeSpan Elapsed);

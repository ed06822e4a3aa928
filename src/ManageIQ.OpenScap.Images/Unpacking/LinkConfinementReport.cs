namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>What the link confinement did to one root.</summary>
/// <param name="Links">Symbolic links in the root.</param>
/// <param name="Rewritten">Links whose target was replaced (the others already led where they now lead).</param>
/// <param name="Dangling">Links that lead to no existing name inside the root.</param>
/// <param name="Loops">Links that loop (or nest deeper than the kernel follows), now pointing at themselves.</param>
/// <param name="Lookups">Path components walked to resolve them.</param>
internal readonly record struct LinkConfinementReport(long Links, long Rewritten, long Dangling, long Loops, long Lookups);

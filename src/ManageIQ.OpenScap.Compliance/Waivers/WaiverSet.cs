using ManageIQ.OpenScap.Compliance.Evaluation;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>The waivers of one version of the waiver file.</summary>
public sealed class WaiverSet(IReadOnlyList<Waiver> waivers)
{
    public static WaiverSet Empty { get; } = new([]);

    public IReadOnlyList<Waiver> Waivers { get; } = waivers;

    /// <summary>The first waiver, in file order, that holds at <paramref name="now"/> for this finding of this image.</summary>
    public Waiver? Find(FindingKind kind, string id, ImageScope scope, DateTimeOffset now) =>
        Waivers.FirstOrDefault(w => w.IsActive(now) && w.Names(kind, id) && w.Covers(scope));

    /// <summary>The waivers that stopped holding in (<paramref name="after"/>, <paramref name="now"/>].</summary>
    public IReadOnlyList<Waiver> ExpiredBetween(DateTimeOffset after, DateTimeOffset now) =>
        [.. Waivers.Where(w => w.ExpiresAt > after && w.ExpiresAt <= now)];
}

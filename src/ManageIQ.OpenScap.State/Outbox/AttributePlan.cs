using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;

namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>
/// What one delivery writes, from the result's attributes and the image's current ones: every result attribute
/// is upserted, and every attribute the bridge owns (<see cref="OpenScapAttributeNames.IsOwned"/>) in section
/// <c>metadata</c> that the result no longer has is deleted by name. A name held in another section (the <c>labels</c>/<c>docker_labels</c> ManageIQ's refresh
/// writes) is left alone both ways, since ManageIQ's add matches names across sections and would move it.
/// Attributes without the prefix are never touched.
/// </summary>
public sealed record AttributePlan(
    IReadOnlyList<CustomAttributeInput> Upserts,
    IReadOnlyList<string> Deletes,
    IReadOnlyList<CustomAttribute> Collisions)
{
    public static AttributePlan Create(IReadOnlyList<CustomAttributeInput> desired, IReadOnlyList<CustomAttribute> current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var elsewhere = current.Where(a => !IsMetadata(a)).ToList();
        var heldElsewhere = elsewhere.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = desired.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var collisions = elsewhere.Where(a => wanted.Contains(a.Name)).ToList();
        var upserts = desired.Where(a => !heldElsewhere.Contains(a.Name)).ToList();
        var deletes = current
            .Where(a => IsMetadata(a) && OpenScapAttributeNames.IsOwned(a.Name))
            .Where(a => !wanted.Contains(a.Name) && !heldElsewhere.Contains(a.Name))
            .Select(a => a.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new AttributePlan(upserts, deletes, collisions);
    }

    // ManageIQ stores a missing section as metadata (its API default).
    private static bool IsMetadata(CustomAttribute attribute) =>
        attribute.Section is null || string.Equals(attribute.Section, CustomAttributeInput.MetadataSection, StringComparison.Ordinal);
}

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>The probe's one-line verdicts.</summary>
internal static class ProbeMessages
{
    public const string SetupDocument = "docs/manageiq-setup.md";

    public static string BelowFloor(string appliance, ManageIqEntrypoint entrypoint) =>
        $"ManageIQ at {appliance} reports API version {entrypoint.Version}{Server(entrypoint)}, below the supported floor {SupportedManageIq.MinimumApiVersion} "
        + $"(ManageIQ {SupportedManageIq.MinimumRelease}): before it, container images have no custom_attributes subcollection for the bridge's results. "
        + $"Upgrade to ManageIQ {SupportedManageIq.MinimumRelease} or later; {SupportedManageIq.LastUnsupportedRelease} is below it.";

    /// <summary>Each feature once, with what the bridge needs it for; in the order of the requirements.</summary>
    public static string Lacking(ManageIqIdentity identity, IReadOnlyList<ManageIqFeatureRequirement> missing)
    {
        var features = missing
            .GroupBy(r => r.Features, StringComparer.Ordinal)
            .Select(g => $"{g.Key} (\"{g.First().UiName}\", to {string.Join(", ", g.Select(r => r.Purpose).Distinct(StringComparer.Ordinal))})");
        return $"ManageIQ user {identity} lacks product features the bridge needs: {string.Join("; ", features)}. "
            + $"Grant them to the role of group '{identity.Group}' ({SetupDocument}).";
    }

    public static string Ready(string appliance, ManageIqEntrypoint entrypoint, ManageIqCapabilities capabilities) =>
        $"ManageIQ at {appliance}, API {entrypoint.Version}{Server(entrypoint)}: user {entrypoint.Identity} has every product feature for {ManageIqFeatures.Describe(capabilities)}.";

    private static string Server(ManageIqEntrypoint entrypoint) => entrypoint.ServerVersion is { } server ? $" (server {server})" : string.Empty;
}

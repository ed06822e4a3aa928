namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// The oldest ManageIQ the bridge works with. The bridge publishes results as custom attributes of container images,
/// and the API has that subcollection since manageiq-api commit a17b9b3b (2020-04-30, PR #824), first released in
/// ManageIQ Jansa, whose API reports 4.2.0 (Kasparov 4.3.0, Lasker and later 4.4.0-pre). Ivanchuk (4.1.0) and earlier lack it. Red Hat's CloudForms ended
/// with 5.0 (CFME 5.11), built on Ivanchuk (RedHatCloudForms/cfme-versions), so no CloudForms release qualifies.
/// </summary>
public static class SupportedManageIq
{
    /// <summary>The lowest API version accepted.</summary>
    public static ManageIqApiVersion MinimumApiVersion { get; } = new(4, 2, 0, null);

    /// <summary>The first ManageIQ release at <see cref="MinimumApiVersion"/>.</summary>
    public const string MinimumRelease = "Jansa";

    /// <summary>The last release below it, and the CloudForms built on that release.</summary>
    public const string LastUnsupportedRelease = "Ivanchuk (API 4.1.0; CloudForms 5.0, CFME 5.11, the last CloudForms)";

    public static bool Supports(ManageIqApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version >= MinimumApiVersion;
    }
}

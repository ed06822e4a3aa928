namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// One API call the bridge makes and the product features ManageIQ's API checks before it (manageiq-api
/// <c>config/api.yml</c>): any one of <see cref="Identifiers"/> allows it, and none means the API checks no feature.
/// </summary>
/// <param name="Capability">What the call serves.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path below the appliance root, <c>:id</c> standing for a resource id.</param>
/// <param name="Action">The POST action (<c>create</c>, <c>edit</c>, <c>assign</c>, ...); null for a GET.</param>
/// <param name="Purpose">What the bridge does with it, for people.</param>
/// <param name="Identifiers">The product features that allow the call, any one of them; empty when the API checks none.</param>
/// <param name="UiName">Where the first identifier sits in the role editor's feature tree (Settings, Application Settings, Access Control, Roles).</param>
public sealed record ManageIqFeatureRequirement(
    ManageIqCapabilities Capability,
    string Method,
    string Path,
    string? Action,
    string Purpose,
    IReadOnlyList<string> Identifiers,
    string? UiName)
{
    /// <summary>The call as a person reads it, e.g. <c>POST /api/conditions create</c>.</summary>
    public string Request => Action is null ? $"{Method} {Path}" : $"{Method} {Path} {Action}";

    /// <summary>Whether the API checks a product feature before this call.</summary>
    public bool IsGated => Identifiers.Count > 0;

    /// <summary>
    /// Whether a user whose <c>authorization.product_features</c> lists <paramref name="granted"/> may make the call.
    /// That listing holds each feature of the role with every visible feature below it, so membership is the API's check.
    /// </summary>
    public bool IsMetBy(IReadOnlySet<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        return !IsGated || Identifiers.Any(granted.Contains);
    }

    /// <summary>The features as a role needs them, e.g. <c>ems_infra_show_list or ems_storage_show_list</c>.</summary>
    public string Features => string.Join(" or ", Identifiers);
}

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// The product features the bridge needs, one entry per API call it makes, with the identifiers ManageIQ's API checks
/// for that call (ManageIQ/manageiq-api <c>config/api.yml</c>, the collection, resource and subcollection actions). The
/// names are the role editor's: its menu sections (manageiq-ui-classic <c>Menu::DefaultMenu</c>) over the nodes of
/// ManageIQ/manageiq <c>db/fixtures/miq_product_features.yml</c>. The probe, docs/manageiq-setup.md and the tests read this one list.
/// </summary>
public static class ManageIqFeatures
{
    private const ManageIqCapabilities Scanning = ManageIqCapabilities.Scanning;
    private const ManageIqCapabilities Compliance = ManageIqCapabilities.ComplianceCheck;
    private const ManageIqCapabilities Registration = ManageIqCapabilities.PolicyRegistration;
    private const ManageIqCapabilities Assignment = ManageIqCapabilities.PolicyAssignment;
    private const ManageIqCapabilities Assigned = ManageIqCapabilities.AssignedProviders;

    /// <summary>Every call, in the order of the capabilities.</summary>
    public static IReadOnlyList<ManageIqFeatureRequirement> All { get; } =
    [
        // Providers are read under the infrastructure provider features, container providers included.
        Gated(Scanning, "GET", "/api/providers", null, "list the container providers", "Compute > Infrastructure > Providers > View > List", "ems_infra_show_list", "ems_storage_show_list"),
        Gated(Scanning, "GET", "/api/container_images", null, "list the container images", "Compute > Containers > Container Images > View > List", "container_image_show_list"),
        Gated(Scanning, "GET", "/api/container_images/:id", null, "read an image and its custom attributes", "Compute > Containers > Container Images > View > Show", "container_image_show"),

        // container_images has no custom_attributes_subcollection_actions, so the generic, ungated actions apply.
        Ungated(Scanning, "POST", "/api/container_images/:id/custom_attributes", "add", "publish results as custom attributes (an upsert)"),
        Ungated(Scanning, "POST", "/api/container_images/:id/custom_attributes", "edit", "edit a custom attribute"),
        Ungated(Scanning, "POST", "/api/container_images/:id/custom_attributes", "delete", "delete custom attributes a scan no longer has"),

        Gated(Compliance, "POST", "/api/container_images/:id", "check_compliance", "ask ManageIQ to check an image's compliance", "Compute > Containers > Container Images > Operate > Check Compliance", "container_image_check_compliance"),

        Gated(Registration, "GET", "/api/events", null, "find the event definitions the policies react to", "Control > Events > List (absent from the role editor: grant it through the API)", "miq_event_definition_show_list"),
        Gated(Registration, "GET", "/api/actions", null, "find the built-in actions the policies run", "Control > Actions > View > List", "miq_action_show_list"),

        // Reading conditions is gated by the node itself: only a role granting all of Conditions may list them.
        Gated(Registration, "GET", "/api/conditions", null, "find the bridge's conditions", "Control > Conditions (the whole node)", "condition"),
        Gated(Registration, "POST", "/api/conditions", "create", "create a condition", "Control > Conditions > Modify > Add", "condition_new"),
        Gated(Registration, "POST", "/api/conditions/:id", "edit", "edit a condition the bridge owns", "Control > Conditions > Modify > Edit", "condition_edit"),
        Gated(Registration, "GET", "/api/policies", null, "find the bridge's policies", "Control > Policies > View", "miq_policy_view"),
        Gated(Registration, "POST", "/api/policies", "create", "create a policy", "Control > Policies > Modify > Add", "miq_policy_new"),
        Gated(Registration, "POST", "/api/policies/:id", "edit", "edit a policy the bridge owns", "Control > Policies > Modify > Edit", "miq_policy_edit"),
        Gated(Registration, "GET", "/api/policy_profiles", null, "find the bridge's policy profiles", "Control > Policy Profiles > View", "miq_policy_set_view"),
        Gated(Registration, "POST", "/api/policy_profiles", "create", "create a policy profile", "Control > Policy Profiles > Modify > Add", "miq_policy_set_new"),
        Gated(Registration, "POST", "/api/policy_profiles/:id", "edit", "edit a policy profile the bridge owns", "Control > Policy Profiles > Modify > Edit", "miq_policy_set_edit"),
        Ungated(Registration, "GET", "/api/policy_profiles/:id/policies", null, "read the policies of a profile"),
        Gated(Registration, "POST", "/api/policy_profiles/:id/policies", "assign", "put the bridge's policies in its profile", "Control > Policies > Modify > Edit Condition Assignment", "miq_policy_conditions_assignment", "miq_policy_events_assignment"),

        Gated(Assignment, "POST", "/api/providers/:id/policy_profiles", "assign", "assign a policy profile to a provider (and unassign it)", "Compute > Infrastructure > Providers > Operate > Manage Policies", "ems_infra_protect"),
        Ungated(Assignment, "GET", "/api/providers/:id/policy_profiles", null, "read a provider's policy profiles"),

        // The bridge's profiles are told by their guid or ownership mark in this answer: no read of /api/policy_profiles.
        Ungated(Assigned, "GET", "/api/providers/:id/policy_profiles", null, "read which profiles each provider has"),
    ];

    /// <summary>The calls the enabled <paramref name="capabilities"/> make.</summary>
    public static IReadOnlyList<ManageIqFeatureRequirement> For(ManageIqCapabilities capabilities) =>
        [.. All.Where(r => capabilities.HasFlag(r.Capability))];

    /// <summary>The calls of <paramref name="capabilities"/> that a user with <paramref name="granted"/> may not make.</summary>
    public static IReadOnlyList<ManageIqFeatureRequirement> Missing(ManageIqCapabilities capabilities, IReadOnlySet<string> granted) =>
        [.. For(capabilities).Where(r => !r.IsMetBy(granted))];

    /// <summary>A capability as the docs and messages name it.</summary>
    public static string Describe(ManageIqCapabilities capability) => capability switch
    {
        ManageIqCapabilities.Scanning => "scanning and publishing",
        ManageIqCapabilities.ComplianceCheck => "compliance checks",
        ManageIqCapabilities.PolicyRegistration => "policy registration",
        ManageIqCapabilities.PolicyAssignment => "policy assignment to providers",
        ManageIqCapabilities.AssignedProviders => "scanning the providers with the bridge's profile assigned",
        _ => string.Join(", ", Enum.GetValues<ManageIqCapabilities>().Where(c => c is not (ManageIqCapabilities.None or ManageIqCapabilities.All) && capability.HasFlag(c)).Select(Describe)),
    };

    private static ManageIqFeatureRequirement Gated(ManageIqCapabilities capability, string method, string path, string? action, string purpose, string uiName, params string[] identifiers) =>
        new(capability, method, path, action, purpose, identifiers, uiName);

    private static ManageIqFeatureRequirement Ungated(ManageIqCapabilities capability, string method, string path, string? action, string purpose) =>
        new(capability, method, path, action, purpose, [], null);
}

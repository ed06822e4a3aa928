using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// The collections the emulator serves, with api.yml's descriptions, actions and role identifiers (ManageIQ/manageiq-api
/// e7ef45021177 <c>config/api.yml</c>: reading conditions needs the node <c>condition</c>, policies <c>miq_policy_view</c>).
/// </summary>
public static class Collections
{
    private static readonly Dictionary<string, Func<EmulatorStore, JObject, JToken?>> None = [];

    public static CollectionDefinition Providers { get; } = new(
        "providers", "Providers", s => s.Providers, "ems_infra_show_list", "ems_infra_show",
        [new("create", "ems_infra_new"), new("edit", "ems_infra_edit"), new("refresh", "ems_infra_refresh"), new("delete", "ems_infra_delete")],
        [new("edit", "ems_infra_edit"), new("refresh", "ems_infra_refresh"), new("delete", "ems_infra_delete")],
        ["custom_attributes", "policies", "policy_profiles"],
        new Dictionary<string, Func<EmulatorStore, JObject, JToken?>>
        {
            ["zone"] = (s, r) => Associated(s.Zones, r, "zone_id"),
            ["total_container_images"] = (s, r) => s.ContainerImages.Rows.Count(i => i.Value<long?>("ems_id") == r.Value<long>("id")),
            ["custom_attributes"] = (s, r) => OwnedAttributes(s, "ExtManagementSystem", r),
        },
        CustomActions: true,
        DeleteFeature: "ems_infra_delete",
        VirtualSources: new Dictionary<string, Func<EmulatorStore, ResourceTable>>
        {
            ["zone"] = s => s.Zones,
            ["total_container_images"] = s => s.ContainerImages,
            ["custom_attributes"] = s => s.CustomAttributes,
        });

    public static CollectionDefinition ContainerImages { get; } = new(
        "container_images", "Container Images", s => s.ContainerImages, "container_image_show_list", "container_image_show",
        [new("check_compliance", "container_image_check_compliance")],
        [new("check_compliance", "container_image_check_compliance"), new("scan", "container_image_scan")],
        ["custom_attributes"],
        new Dictionary<string, Func<EmulatorStore, JObject, JToken?>>
        {
            ["container_image_registry"] = (s, r) => Associated(s.Registries, r, "container_image_registry_id"),
            ["ext_management_system"] = (s, r) => Associated(s.Providers, r, "ems_id"),
            ["display_registry"] = (s, r) => s.Registries.Find(r.Value<long?>("container_image_registry_id") ?? 0) is { } reg
                ? RegistryFullName(reg) : "Unknown image source",
            ["total_containers"] = (_, _) => 0,
            ["last_compliance_status"] = (_, r) => r["__last_compliance_status"]?.DeepClone() ?? JValue.CreateNull(),
            ["last_compliance_timestamp"] = (_, r) => r["__last_compliance_timestamp"]?.DeepClone() ?? JValue.CreateNull(),
            ["custom_attributes"] = (s, r) => OwnedAttributes(s, "ContainerImage", r),
        },
        CustomActions: true,
        VirtualSources: new Dictionary<string, Func<EmulatorStore, ResourceTable>>
        {
            ["container_image_registry"] = s => s.Registries,
            ["ext_management_system"] = s => s.Providers,
            ["display_registry"] = s => s.Registries,
            ["custom_attributes"] = s => s.CustomAttributes,
        });

    public static CollectionDefinition Zones { get; } = new(
        "zones", "Zones", s => s.Zones, "zone", "zone", [], [], [], None);

    public static CollectionDefinition Events { get; } = new(
        "events", "Events", s => s.Events, "miq_event_definition_show_list", "miq_event_definition_show",
        [new("query", "miq_event_definition")], [], [], None);

    public static CollectionDefinition Actions { get; } = new(
        "actions", "Actions", s => s.Actions, "miq_action_show_list", "miq_action_show",
        [new("query", "miq_action_show_list"), new("create", "miq_action_new"), new("edit", "miq_action_edit"), new("delete", "miq_action_delete")],
        [new("edit", "miq_action_edit"), new("delete", "miq_action_delete")], [], None, DeleteFeature: "miq_action_delete");

    public static CollectionDefinition Conditions { get; } = new(
        "conditions", "Conditions", s => s.Conditions, "condition", "condition",
        [new("query", "condition"), new("create", "condition_new"), new("edit", "condition_edit"), new("delete", "condition_delete")],
        [new("edit", "condition_edit"), new("delete", "condition_delete")], [], None, DeleteFeature: "condition_delete");

    public static CollectionDefinition Policies { get; } = new(
        "policies", "Policies", s => s.Policies, "miq_policy_view", "miq_policy_view",
        [new("query", "miq_policy_view"), new("create", "miq_policy_new"), new("edit", "miq_policy_edit"), new("delete", "miq_policy_delete")],
        [new("edit", "miq_policy_edit"), new("delete", "miq_policy_delete")],
        ["conditions", "events", "policy_actions"],
        new Dictionary<string, Func<EmulatorStore, JObject, JToken?>> { ["miq_policy_contents"] = PolicyContentRows },
        DeleteFeature: "miq_policy_delete");

    public static CollectionDefinition PolicyProfiles { get; } = new(
        "policy_profiles", "Policy Profiles", s => s.PolicyProfiles, "miq_policy_set_view", "miq_policy_set_view",
        [new("query", "miq_policy_set_view"), new("create", "miq_policy_set_new"), new("edit", "miq_policy_set_edit"), new("delete", "miq_policy_set_delete")],
        [new("edit", "miq_policy_set_edit"), new("delete", "miq_policy_set_delete")],
        ["policies"], None, DeleteFeature: "miq_policy_set_delete");

    public static CollectionDefinition Tasks { get; } = new(
        "tasks", "Tasks", s => s.Tasks, "miq_task_all_ui", "miq_task_all_ui",
        [new("delete", "miq_task_delete")], [new("delete", "miq_task_delete")], [], None, DeleteFeature: "miq_task_delete");

    /// <summary>
    /// Reports (api.yml <c>:reports:</c>, verbs get/post): the one collection action that writes is <c>import</c>
    /// (<c>Api::ReportsController#import_resource</c>); there is no create, edit or delete.
    /// </summary>
    public static CollectionDefinition Reports { get; } = new(
        "reports", "Reports", s => s.Reports, "miq_report_saved_reports_view", "miq_report_saved_reports_view",
        [new("import", "miq_report_export")], [new("run", "miq_report_run"), new("schedule", "miq_report_schedule_add")], ["results", "schedules"], None);

    /// <summary>Widgets (api.yml <c>:widgets:</c>, klass MiqWidget): read, <c>query</c> and <c>generate_content</c>; no create.</summary>
    public static CollectionDefinition Widgets { get; } = new(
        "widgets", "Miq Widgets", s => s.Widgets, "miq_report_widget_editor", "miq_report_widget_editor",
        [new("query", "miq_report_widget_editor"), new("generate_content", "widget_generate_content")], [new("generate_content", "widget_generate_content")], [], None);

    /// <summary>The subcollection definition of custom attributes (generic actions carry no identifier).</summary>
    public static CollectionDefinition CustomAttributes { get; } = new(
        "custom_attributes", "Custom Attributes", s => s.CustomAttributes, null, null,
        [new("add", null), new("edit", null), new("delete", null)],
        [new("edit", null), new("delete", null)], [], None);

    public static IReadOnlyList<CollectionDefinition> All { get; } =
        [Actions, Conditions, ContainerImages, Events, Policies, PolicyProfiles, Providers, Reports, Tasks, Widgets, Zones];

    public static CollectionDefinition? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>ManageIQ's <c>ContainerImageRegistry#full_name</c>: host, plus <c>:port</c> when a port is set.</summary>
    public static string RegistryFullName(JObject registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var port = registry.Value<string>("port");
        return string.IsNullOrEmpty(port) ? registry.Value<string>("host") ?? string.Empty : $"{registry.Value<string>("host")}:{port}";
    }

    /// <summary>
    /// The <c>custom_attributes</c> association as <c>attributes=custom_attributes</c> renders it: every column of
    /// each attribute, with no <c>href</c> (custom_attributes is not a collection, so the normalizer builds none).
    /// </summary>
    private static JArray OwnedAttributes(EmulatorStore store, string resourceType, JObject row) =>
        new(store.CustomAttributes.OwnedBy(EmulatorStore.Owner(resourceType, row.Value<long>("id"))).Select(a => Rendering.Normalizer.Object(a, nested: true)));

    /// <summary>
    /// <c>attributes=miq_policy_contents</c>: the policy's <c>miq_policy_contents</c> rows (an association the API
    /// renders like a virtual attribute), with the sequence and synchronous flag of the qualifier each belongs to.
    /// </summary>
    private static JArray PolicyContentRows(EmulatorStore store, JObject policy)
    {
        var id = policy.Value<long>("id");
        return new JArray((store.PolicyContents.GetValueOrDefault(id) ?? []).Select(c => new JObject
        {
            ["miq_policy_id"] = id,
            ["miq_event_definition_id"] = c.EventId,
            ["miq_action_id"] = c.ActionId,
            ["qualifier"] = c.Qualifier,
            ["success_sequence"] = c.Qualifier is "success" or "both" ? c.Sequence : (int?)null,
            ["failure_sequence"] = c.Qualifier is "failure" or "both" ? c.Sequence : (int?)null,
            ["success_synchronous"] = c.Qualifier is "success" or "both" ? c.Synchronous : (bool?)null,
            ["failure_synchronous"] = c.Qualifier is "failure" or "both" ? c.Synchronous : (bool?)null,
        }));
    }

    private static JToken Associated(ResourceTable table, JObject row, string key) =>
        row.Value<long?>(key) is { } id && table.Find(id) is { } found ? found : JValue.CreateNull();
}

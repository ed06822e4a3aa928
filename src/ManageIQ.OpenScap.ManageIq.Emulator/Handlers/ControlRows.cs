using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>Validation and rendering shared by conditions, policies and profiles (ManageIQ's model rules).</summary>
internal static class ControlRows
{
    public static readonly string[] Towhat =
        ["ContainerGroup", "ContainerImage", "ContainerNode", "ContainerProject", "ContainerReplicator", "ExtManagementSystem", "Host", "PhysicalServer", "Vm"];

    /// <summary>Rails-style validation messages: blank and already-taken values.</summary>
    public static List<string> Validate(ResourceTable table, JObject values, long? selfId, IEnumerable<string> required, IEnumerable<string> unique)
    {
        var errors = new List<string>();
        foreach (var key in required)
        {
            if (values[key] is null || values[key]!.Type == JTokenType.Null || (values[key]!.Type == JTokenType.String && string.IsNullOrWhiteSpace(values.Value<string>(key))))
            {
                errors.Add($"{Humanize(key)} can't be blank");
            }
        }

        foreach (var key in unique)
        {
            var value = values.Value<string>(key);
            if (value is not null && table.Rows.Any(r => r.Value<long>("id") != selfId && r.Value<string>(key) == value))
            {
                errors.Add($"{Humanize(key)} has already been taken");
            }
        }

        return errors;
    }

    public static JObject Render(ApiContext context, CollectionDefinition definition, JObject row) =>
        Renderer.Resource(context, definition, row, context.Href(definition.Name, row.Value<long>("id")), AttributeSelection.Full with { WantsActions = false });

    public static string NewGuid() => Guid.NewGuid().ToString();

    public static string Humanize(string key) => char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');

    /// <summary>The resources of a bulk edit or delete, each resolved to its row (404 when missing).</summary>
    public static IEnumerable<(JObject Resource, JObject Row)> Targets(ApiContext context, CollectionDefinition definition)
    {
        foreach (var resource in Envelope.Resources(context))
        {
            var id = Envelope.TargetId(resource, definition.Name)
                ?? throw ApiException.BadRequest($"Must specify an id or href for {definition.Name} resources");
            yield return (resource, ReadHandler.Find(context, definition, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Compliance;

/// <summary>
/// A container image's value for an expression field, as <c>Condition.subst</c> finds it: a column
/// (<c>ContainerImage-name</c>) or a custom attribute (<c>ContainerImage-virtual_custom_attribute_NAME[:SECTION:S]</c>),
/// looked up by name and section as <c>CustomAttributeMixin</c> does (no section means the attributes without one).
/// Anything missing, or reached through an association, is the empty string.
/// </summary>
internal static partial class ImageFieldValues
{
    public static Func<string, string> Of(EmulatorStore store, JObject image) => field => Value(store, image, field);

    private static string Value(EmulatorStore store, JObject image, string field)
    {
        if (CustomAttribute().Match(field) is { Success: true } attribute)
        {
            var name = attribute.Groups["name"].Value;
            var section = attribute.Groups["section"].Success ? attribute.Groups["section"].Value : null;
            var row = store.CustomAttributes.OwnedBy(EmulatorStore.Owner("ContainerImage", image.Value<long>("id")))
                .FirstOrDefault(a => a.Value<string>("name") == name && a.Value<string>("section") == section);
            return Text(row?["value"]);
        }

        return Column().Match(field) is { Success: true } column ? Text(image[column.Groups["column"].Value]) : string.Empty;
    }

    private static string Text(JToken? value) => value is null || value.Type == JTokenType.Null ? string.Empty : value.ToString();

    [GeneratedRegex(@"\AContainerImage-virtual_custom_attribute_(?<name>[A-Za-z0-9_]+?)(:SECTION:(?<section>[A-Za-z0-9_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex CustomAttribute();

    [GeneratedRegex(@"\AContainerImage-(?<column>[a-z0-9_]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Column();
}

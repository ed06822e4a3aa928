using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// What <c>config/api.yml</c> says about one collection, reduced to what the emulator serves.
/// <see cref="VirtualSources"/> names the other table each virtual attribute reads, so a cached rendering
/// that shows one is dropped when that table changes.
/// </summary>
public sealed record CollectionDefinition(
    string Name,
    string Description,
    Func<EmulatorStore, ResourceTable> Table,
    string? ListFeature,
    string? ShowFeature,
    IReadOnlyList<ActionDefinition> CollectionActions,
    IReadOnlyList<ActionDefinition> ResourceActions,
    IReadOnlyList<string> Subcollections,
    IReadOnlyDictionary<string, Func<EmulatorStore, JObject, JToken?>> Virtuals,
    bool CustomActions = false,
    string? DeleteFeature = null,
    IReadOnlyDictionary<string, Func<EmulatorStore, ResourceTable>>? VirtualSources = null)
{
    /// <summary>The ManageIQ model class of the collection's rows.</summary>
    public string Klass(EmulatorStore store) => Table(store).Klass;

    /// <summary>The versions of the tables read by the virtual attributes named in <paramref name="attributes"/> (an <c>attributes=</c> value).</summary>
    public string SourceVersions(EmulatorStore store, string? attributes)
    {
        if (VirtualSources is null || string.IsNullOrEmpty(attributes))
        {
            return string.Empty;
        }

        return string.Join(
            ",",
            attributes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(VirtualSources.ContainsKey)
                .Select(name => $"{name}:{VirtualSources[name](store).Version}"));
    }
}

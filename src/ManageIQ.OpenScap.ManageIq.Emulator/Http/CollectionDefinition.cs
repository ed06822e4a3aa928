using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>What <c>config/api.yml</c> says about one collection, reduced to what the emulator serves.</summary>
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
    string? DeleteFeature = null)
{
    /// <summary>The ManageIQ model class of the collection's rows.</summary>
    public string Klass(EmulatorStore store) => Table(store).Klass;
}

using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>
/// The emulated appliance's database. Every handler runs under <see cref="Gate"/>, so the store itself
/// needs no finer locking; tests read it through the snapshot methods, which take the same lock.
/// </summary>
public sealed class EmulatorStore
{
    private readonly List<RecordedImageAction> _imageActions = [];
    private readonly List<ComplianceRecord> _compliances = [];
    private readonly List<RaisedEvent> _raisedEvents = [];

    public EmulatorStore(TimeProvider time)
    {
        Time = time;
    }

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    public ResourceTable Zones { get; } = new("Zone");

    public ResourceTable Providers { get; } = new("ExtManagementSystem");

    public ResourceTable Registries { get; } = new("ContainerImageRegistry");

    public ResourceTable ContainerImages { get; } = new("ContainerImage");

    /// <summary>Custom attributes, indexed by the resource they belong to (<see cref="Owner"/>).</summary>
    public ResourceTable CustomAttributes { get; } = new("CustomAttribute", r => r.Value<long?>("resource_id") is { } id ? Owner(r.Value<string>("resource_type"), id) : null);

    public ResourceTable Events { get; } = new("MiqEventDefinition");

    public ResourceTable Actions { get; } = new("MiqAction");

    public ResourceTable Conditions { get; } = new("Condition");

    public ResourceTable Policies { get; } = new("MiqPolicy");

    public ResourceTable PolicyProfiles { get; } = new("MiqPolicySet");

    public ResourceTable Tasks { get; } = new("MiqTask");

    public ResourceTable Reports { get; } = new("MiqReport");

    public ResourceTable Widgets { get; } = new("MiqWidget");

    public Dictionary<long, List<long>> PolicyConditions { get; } = [];

    public Dictionary<long, List<PolicyContent>> PolicyContents { get; } = [];

    public Dictionary<long, List<long>> ProfilePolicies { get; } = [];

    public Dictionary<long, List<long>> ProviderProfiles { get; } = [];

    public List<EmulatorUser> Users { get; } = [];

    internal Dictionary<string, CachedListing> ListingCache { get; } = [];

    internal Dictionary<string, RenderedRows> RenderCache { get; } = [];

    public List<EmulatorGroup> Groups { get; } = [];

    /// <summary>The owner key of a custom attribute: its <c>resource_type</c> and <c>resource_id</c>.</summary>
    public static string Owner(string? resourceType, long resourceId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{resourceType}/{resourceId}");

    /// <summary>The current time as ManageIQ renders it (ISO 8601 UTC, whole seconds).</summary>
    public string Now() => FormatTime(Time.GetUtcNow());

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    internal void RecordImageAction(RecordedImageAction action) => _imageActions.Add(action);

    /// <summary>The <c>scan</c> and <c>check_compliance</c> actions accepted so far.</summary>
    public IReadOnlyList<RecordedImageAction> ImageActions()
    {
        lock (Gate)
        {
            return [.. _imageActions];
        }
    }

    internal void RecordCompliance(ComplianceRecord compliance) => _compliances.Add(compliance);

    internal void RaiseEvent(RaisedEvent raised) => _raisedEvents.Add(raised);

    /// <summary>The compliance checks evaluated so far, oldest first.</summary>
    public IReadOnlyList<ComplianceRecord> Compliances()
    {
        lock (Gate)
        {
            return [.. _compliances];
        }
    }

    /// <summary>The policy events raised so far (<c>containerimage_compliance_passed</c> / <c>_failed</c>), oldest first.</summary>
    public IReadOnlyList<RaisedEvent> RaisedEvents()
    {
        lock (Gate)
        {
            return [.. _raisedEvents];
        }
    }

    /// <summary>A copy of the custom attributes stored for one container image.</summary>
    public IReadOnlyList<JObject> CustomAttributesOf(long imageId)
    {
        lock (Gate)
        {
            return [.. CustomAttributes.OwnedBy(Owner("ContainerImage", imageId)).Select(r => (JObject)r.DeepClone())];
        }
    }

    /// <summary>A copy of the profile ids assigned to a provider.</summary>
    public IReadOnlyList<long> ProfilesOf(long providerId)
    {
        lock (Gate)
        {
            return [.. ProviderProfiles.GetValueOrDefault(providerId) ?? []];
        }
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock, e.g. to inspect a table in a test.</summary>
    public T Read<T>(Func<EmulatorStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (Gate)
        {
            return read(this);
        }
    }
}

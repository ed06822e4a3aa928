using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// A condition to create or edit. <paramref name="Expression"/> is the MiqExpression, e.g.
/// <c>{"&lt;": {"field": "ContainerImage-virtual_custom_attribute_openscap_failed_high", "value": "1"}}</c>.
/// </summary>
public sealed record ConditionInput(string Name, string Description, string Towhat, JObject Expression)
{
    /// <summary>The guid to create it with (kept by ManageIQ's create); null lets ManageIQ make one.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public string? Notes { get; init; }
}

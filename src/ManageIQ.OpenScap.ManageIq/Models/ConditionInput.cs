using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// A condition to create or edit. <paramref name="Expression"/> is the MiqExpression, e.g.
/// <c>{"&lt;": {"field": "ContainerImage-virtual_custom_attribute_openscap_failed_high", "value": "1"}}</c>.
/// </summary>
public sealed record ConditionInput(string Name, string Description, string Towhat, JObject Expression);

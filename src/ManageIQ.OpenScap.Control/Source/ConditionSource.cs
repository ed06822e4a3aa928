using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>A <c>Condition</c> of a policy file: <see cref="Expression"/> is the MiqExpression's <c>exp</c>.</summary>
public sealed record ConditionSource(string Name, string Description, string Guid, string Towhat, JObject Expression, string? Notes);

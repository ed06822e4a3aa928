using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// A Control action to create: <paramref name="Name"/> matches <c>/\A[a-z0-9_-]+\z/i</c>, <paramref name="ActionType"/> is one
/// of ManageIQ's creatable types (e.g. <c>custom_automation</c>); the API symbolizes the keys of <paramref name="Options"/>.
/// </summary>
public sealed record PolicyActionInput(string Name, string Description, string ActionType, JObject Options)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }
}

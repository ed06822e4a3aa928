using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Source;

/// <summary>
/// One <c>MiqPolicyContent</c>: on <see cref="EventName"/>, run the action (if any) when the policy's conditions
/// give <see cref="Qualifier"/>. Actions run in file order; the importer numbers them by that order.
/// </summary>
public sealed record PolicyContentSource(string Qualifier, string EventName, string? EventDescription, PolicyActionSource? Action);

/// <summary>The <c>MiqAction</c> of a content: a built-in (<c>action_type: default</c>) is referenced, never created.</summary>
public sealed record PolicyActionSource(string Name, string Description, string ActionType, JObject Options)
{
    public const string BuiltIn = "default";

    public bool IsBuiltIn => ActionType == BuiltIn;
}

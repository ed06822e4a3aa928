using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A Control action (<c>/api/actions</c>); built-ins have <c>action_type</c> <c>default</c>.</summary>
public sealed record PolicyAction
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string? ActionType { get; init; }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    /// <summary>The action's options (symbol-keyed in ManageIQ, string keys in JSON).</summary>
    public Newtonsoft.Json.Linq.JObject? Options { get; init; }
}

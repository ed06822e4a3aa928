using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A Control condition (<c>/api/conditions</c>).</summary>
public sealed record Condition
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string? Towhat { get; init; }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public bool? ReadOnly { get; init; }

    /// <summary>Free text (the bridge keeps its ownership mark here).</summary>
    public string? Notes { get; init; }

    /// <summary>The stored MiqExpression (<c>{"exp": {...}}</c>).</summary>
    public JObject? Expression { get; init; }
}

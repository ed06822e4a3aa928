using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A Control policy (<c>/api/policies</c>).</summary>
public sealed record Policy
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary><c>compliance</c> or <c>control</c>.</summary>
    public string? Mode { get; init; }

    public string? Towhat { get; init; }

    public bool? Active { get; init; }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public bool? ReadOnly { get; init; }

    /// <summary>Free text, at most 512 characters (the bridge keeps its ownership mark here).</summary>
    public string? Notes { get; init; }
}

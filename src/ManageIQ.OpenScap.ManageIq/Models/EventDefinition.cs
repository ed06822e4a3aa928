using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A Control event definition (<c>/api/events</c>), e.g. <c>containerimage_scan_complete</c>.</summary>
public sealed record EventDefinition
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public string? EventType { get; init; }

    public bool? Default { get; init; }

    public bool? Enabled { get; init; }
}

using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A custom attribute of a resource. Values are text; typed ones also carry <see cref="SerializedValue"/>.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "ManageIQ's model is named CustomAttribute.")]
public sealed record CustomAttribute
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Value { get; init; }

    public string? Section { get; init; }

    public string? Source { get; init; }

    public string? ResourceType { get; init; }

    public long? ResourceId { get; init; }

    public string? SerializedValue { get; init; }

    public DateTimeOffset? CreatedOn { get; init; }

    public DateTimeOffset? UpdatedOn { get; init; }
}

using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A policy profile (<c>/api/policy_profiles</c>, model MiqPolicySet).</summary>
public sealed record PolicyProfile
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string? Mode { get; init; }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public bool? ReadOnly { get; init; }

    /// <summary>The serialized Hash ManageIQ keeps a profile's notes in (<c>set_data[:notes]</c>); null when unset.</summary>
    public Newtonsoft.Json.Linq.JObject? SetData { get; init; }

    /// <summary>The notes in <see cref="SetData"/>.</summary>
    public string? Notes => SetData?.Value<string>("notes");
}

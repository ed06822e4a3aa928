using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Control.Configuration;

/// <summary>The bridge's Control content (section <c>Bridge:Policies</c>).</summary>
public sealed class BridgePoliciesOptions
{
    public const string SectionName = "Bridge:Policies";

    /// <summary>The profile <c>assign</c> and <see cref="AssignTo"/> assign unless told otherwise.</summary>
    public const string DefaultProfile = "openscap profile (bridge)";

    /// <summary>The directory of policy files (<c>*.yaml</c>, ManageIQ's export format); by default the <c>policies</c> shipped beside the bridge.</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "policies");

    /// <summary><c>serve</c> registers the profiles when it starts.</summary>
    public bool RegisterOnStart { get; set; } = true;

    /// <summary>Provider ids the registration assigns <see cref="AssignProfile"/> to; none by default (the operator's "Manage Policies" gesture).</summary>
    public IList<long> AssignTo { get; } = [];

    /// <summary>The name of the profile <see cref="AssignTo"/> and <c>bridge policies assign</c> assign.</summary>
    [Required]
    public string AssignProfile { get; set; } = DefaultProfile;
}

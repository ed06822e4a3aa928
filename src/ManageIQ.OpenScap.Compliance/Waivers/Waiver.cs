using ManageIQ.OpenScap.Compliance.Evaluation;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>
/// One entry of the waiver file: a rule id or a CVE id not counted for the images in its scope until the end of
/// its expiry day (UTC). An unset scope key matches every provider, project or image.
/// </summary>
public sealed record Waiver
{
    /// <summary>The marker of an SSG rule id's short form: <c>xccdf_org.ssgproject.content_rule_&lt;short&gt;</c>.</summary>
    public const string RuleIdMarker = "_rule_";

    public required FindingKind Kind { get; init; }

    /// <summary>A CVE id (<c>CVE-2024-1234</c>), or a rule id, full or in its short form after <c>_rule_</c>.</summary>
    public required string Id { get; init; }

    public required string Reason { get; init; }

    public required string Owner { get; init; }

    /// <summary>The last day the waiver holds.</summary>
    public required DateOnly Expires { get; init; }

    public string? Provider { get; init; }

    public string? Project { get; init; }

    public ImageNamePattern? Image { get; init; }

    /// <summary>The line of the file the entry starts on.</summary>
    public int Line { get; init; }

    /// <summary>The moment the waiver stops holding: midnight UTC after <see cref="Expires"/>.</summary>
    public DateTimeOffset ExpiresAt => new DateTimeOffset(Expires.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);

    public bool IsActive(DateTimeOffset now) => now < ExpiresAt;

    public bool Covers(ImageScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (Provider is null || string.Equals(Provider, scope.ProviderId, StringComparison.Ordinal))
            && (Project is null || string.Equals(Project, scope.Project, StringComparison.Ordinal))
            && (Image is null || Image.IsMatch(scope.ImageName));
    }

    public bool Names(FindingKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (kind != Kind)
        {
            return false;
        }

        return kind == FindingKind.Cve
            ? string.Equals(Id, id, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Id, id, StringComparison.Ordinal) || id.EndsWith(RuleIdMarker + Id, StringComparison.Ordinal);
    }

    public WaivedFinding Waive(string findingId) => new(Kind, findingId, Reason, Owner, Expires);
}

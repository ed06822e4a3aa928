using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;

namespace ManageIQ.OpenScap.State.Results;

/// <summary>
/// A result to record: what was scanned, when, with what outcome, and the complete set of <c>openscap_</c>
/// attributes to post (already rendered by the caller), plus where its artifacts are. Checked by
/// <see cref="Validate"/> before anything is written.
/// </summary>
public sealed record ScanResultRecord
{
    public const int MaxAttributes = 200;
    public const int MaxValueLength = 256 * 1024;
    public const int MaxTotalValueLength = 2 * 1024 * 1024;
    public const int MaxArtifacts = 32;
    public const int MaxTextLength = 4096;

    /// <summary>ManageIQ's id of the container image.</summary>
    public required long ImageId { get; init; }

    /// <summary>The digest ManageIQ listed for the image (null when it lists none).</summary>
    public string? Digest { get; init; }

    /// <summary>The scan's id; recording the same scan twice records it once.</summary>
    public required string ScanId { get; init; }

    /// <summary>When the scan ran; orders results of one image (a later scan wins, then the later record).</summary>
    public required DateTimeOffset ScannedOn { get; init; }

    /// <summary>The result's status, as posted: <see cref="OpenScapStatusNames"/> (<c>compliant</c>, <c>non_compliant</c>, <c>error</c>).</summary>
    public required string Status { get; init; }

    /// <summary>The scan contract's content fingerprint (empty when the scan failed before content was chosen).</summary>
    public required string ContentFingerprint { get; init; }

    /// <summary>Every <c>openscap_</c> attribute of the result, in section <c>metadata</c>.</summary>
    public required IReadOnlyList<CustomAttributeInput> Attributes { get; init; }

    /// <summary>Artifact paths by kind (e.g. <c>arf</c>, <c>html</c>).</summary>
    public IReadOnlyDictionary<string, string> Artifacts { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first thing wrong.</summary>
    public void Validate()
    {
        if (ImageId <= 0)
        {
            throw new ArgumentException($"The image id must be positive, not {ImageId}.", nameof(ImageId));
        }

        Text(ScanId, nameof(ScanId), required: true);
        if (OpenScapStatusNames.Parse(Status) is null)
        {
            throw new ArgumentException($"The status '{Status}' is not one of {OpenScapStatusNames.Compliant}, {OpenScapStatusNames.NonCompliant}, {OpenScapStatusNames.Error}.", nameof(Status));
        }

        Text(ContentFingerprint, nameof(ContentFingerprint), required: false);
        if (Digest is not null)
        {
            Text(Digest, nameof(Digest), required: false);
        }

        if (ScannedOn == default)
        {
            throw new ArgumentException("The scan time is missing.", nameof(ScannedOn));
        }

        ValidateAttributes();
        ValidateArtifacts();
    }

    private void ValidateAttributes()
    {
        ArgumentNullException.ThrowIfNull(Attributes, nameof(Attributes));
        if (Attributes.Count is 0 or > MaxAttributes)
        {
            throw new ArgumentException($"A result has 1 to {MaxAttributes} attributes, not {Attributes.Count}.", nameof(Attributes));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var attribute in Attributes)
        {
            ArgumentNullException.ThrowIfNull(attribute, nameof(Attributes));
            if (!attribute.Name.StartsWith(OpenScapAttributeNames.Prefix, StringComparison.Ordinal) || attribute.Name.Length == OpenScapAttributeNames.Prefix.Length
                || !string.Equals(attribute.Name, attribute.Name.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw new ArgumentException($"Attribute {attribute.Name} is not a lower-case name starting with {OpenScapAttributeNames.Prefix}.", nameof(Attributes));
            }

            if (attribute.Section != CustomAttributeInput.MetadataSection)
            {
                throw new ArgumentException($"Attribute {attribute.Name} is in section {attribute.Section}; results are written to {CustomAttributeInput.MetadataSection} only.", nameof(Attributes));
            }

            if (!names.Add(attribute.Name))
            {
                throw new ArgumentException($"Attribute {attribute.Name} appears twice.", nameof(Attributes));
            }

            if (attribute.Value.Length > MaxValueLength)
            {
                throw new ArgumentException($"Attribute {attribute.Name} holds {attribute.Value.Length} characters; the most is {MaxValueLength}.", nameof(Attributes));
            }

            total += attribute.Value.Length;
        }

        if (total > MaxTotalValueLength)
        {
            throw new ArgumentException($"The attributes hold {total} characters together; the most is {MaxTotalValueLength}.", nameof(Attributes));
        }
    }

    private void ValidateArtifacts()
    {
        ArgumentNullException.ThrowIfNull(Artifacts, nameof(Artifacts));
        if (Artifacts.Count > MaxArtifacts)
        {
            throw new ArgumentException($"A result lists at most {MaxArtifacts} artifacts, not {Artifacts.Count}.", nameof(Artifacts));
        }

        foreach (var (kind, path) in Artifacts)
        {
            Text(kind, "artifact kind", required: true);
            Text(path, $"artifact {kind}", required: true);
        }
    }

    private static void Text(string? value, string what, bool required)
    {
        if (value is null || (required && value.Length == 0))
        {
            throw new ArgumentException($"The {what} is missing.", what);
        }

        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"The {what} is {value.Length} characters long; the most is {MaxTextLength}.", what);
        }
    }
}

using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Control.Ownership;

/// <summary>
/// The bridge's mark on what it created: <c>[openscap-bridge source sha256:HEX]</c> at the end of the notes of a
/// condition or policy and of a profile's <c>set_data[:notes]</c>. HEX is the <see cref="SourceFingerprint"/> of the
/// source the object was written from, so an unchanged source needs no write and a changed one shows which objects
/// to edit. An object without the mark is someone else's and is never edited or deleted.
/// </summary>
public static partial class OwnershipMark
{
    private const string Opening = "[openscap-bridge source sha256:";

    /// <summary>The mark's length: the room it needs in a notes column.</summary>
    public const int MaxLength = 31 + SourceFingerprint.Length + 1;

    public static string Of(string fingerprint) => Opening + fingerprint + "]";

    /// <summary>The notes to store: the source's own notes, then the mark.</summary>
    public static string Apply(string? notes, string fingerprint) =>
        string.IsNullOrEmpty(notes) ? Of(fingerprint) : notes + " " + Of(fingerprint);

    /// <summary>The fingerprint in <paramref name="notes"/>, or null when the object is not the bridge's.</summary>
    public static string? Read(string? notes) =>
        notes is not null && Trailing().Match(notes) is { Success: true } m ? m.Groups["fp"].Value : null;

    /// <summary>The notes without the mark: what the source said.</summary>
    public static string? Strip(string? notes)
    {
        if (notes is null)
        {
            return null;
        }

        var stripped = Trailing().Replace(notes, string.Empty);
        return stripped.Length == 0 ? null : stripped;
    }

    [GeneratedRegex(@"\s*\[openscap-bridge source sha256:(?<fp>[0-9a-f]{32})\]\z", RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();
}

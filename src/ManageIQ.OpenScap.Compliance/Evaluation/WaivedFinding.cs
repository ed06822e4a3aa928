using System.Globalization;

namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>A finding a waiver took out of the count; still shown, with the waiver's reason.</summary>
public sealed record WaivedFinding(FindingKind Kind, string Id, string Reason, string Owner, DateOnly Expires)
{
    /// <summary>The longest reason shown in one entry of <c>openscap_waived</c>.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>One line of <c>openscap_waived</c>: <c>ID (owner, until yyyy-MM-dd): reason</c>.</summary>
    public override string ToString()
    {
        var reason = Reason.Length <= MaxReasonLength ? Reason : string.Concat(Reason.AsSpan(0, MaxReasonLength - 1), "…");
        return string.Create(CultureInfo.InvariantCulture, $"{Id} ({Owner}, until {Expires:yyyy-MM-dd}): {reason}");
    }
}

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>One object's outcome: its kind (<c>condition</c>, <c>policy</c>, <c>profile</c>, ...), name, guid, ManageIQ id.</summary>
public sealed record RegistrationOutcome(
    OutcomeKind Kind,
    string ObjectKind,
    string Name,
    string? Guid,
    long? Id,
    string? Message = null)
{
    public bool IsWrite => Kind is OutcomeKind.Created or OutcomeKind.Edited or OutcomeKind.Assigned or OutcomeKind.Unassigned or OutcomeKind.Deleted;

    public override string ToString()
    {
        var id = Id is null ? string.Empty : $" id {Id}";
        var message = Message is null ? string.Empty : $": {Message}";
        return $"{Kind.ToString().ToLowerInvariant(),-10} {ObjectKind} '{Name}'{id}{message}";
    }
}

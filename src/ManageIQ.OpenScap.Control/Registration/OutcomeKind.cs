namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>What happened to one object of a registration, assignment or removal.</summary>
public enum OutcomeKind
{
    Unchanged,
    Created,
    Edited,
    Assigned,
    Unassigned,
    Deleted,

    /// <summary>Someone else's object holds the guid or name: left as it is.</summary>
    Conflict,

    /// <summary>Not done because something it needs was not (a conflict or a refusal before it).</summary>
    Skipped,

    /// <summary>ManageIQ refused the request, or a built-in the source names does not exist.</summary>
    Failed,
}

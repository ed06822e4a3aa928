namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>The outcomes of one run, in the order they happened.</summary>
public sealed class RegistrationReport
{
    private readonly List<RegistrationOutcome> _outcomes = [];

    public IReadOnlyList<RegistrationOutcome> Outcomes => _outcomes;

    public bool HasConflicts => _outcomes.Any(o => o.Kind == OutcomeKind.Conflict);

    public bool HasFailures => _outcomes.Any(o => o.Kind == OutcomeKind.Failed);

    public int Writes => _outcomes.Count(o => o.IsWrite);

    /// <summary>Appends the outcomes of another run (e.g. the reports' after the profiles').</summary>
    public void Include(RegistrationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _outcomes.AddRange(other._outcomes);
    }

    internal RegistrationOutcome Add(RegistrationOutcome outcome)
    {
        _outcomes.Add(outcome);
        return outcome;
    }
}

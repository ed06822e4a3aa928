namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>The outcomes of one run, in the order they happened.</summary>
public sealed class RegistrationReport
{
    private readonly List<RegistrationOutcome> _outcomes = [];

    public IReadOnlyList<RegistrationOutcome> Outcomes => _outcomes;

    public bool HasConflicts => _outcomes.Any(o => o.Kind == OutcomeKind.Conflict);

    public bool HasFailures => _outcomes.Any(o => o.Kind == OutcomeKind.Failed);

    public int Writes => _outcomes.Count(o => o.IsWrite);

    internal RegistrationOutcome Add(RegistrationOutcome outcome)
    {
        _outcomes.Add(outcome);
        return outcome;
    }
}

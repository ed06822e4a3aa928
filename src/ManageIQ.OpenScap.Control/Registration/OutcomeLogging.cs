using ManageIQ.OpenScap.Control.Logging;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>How a registration logs one outcome: conflicts as warnings, failures as errors, changes as information; nothing for unchanged or skipped objects.</summary>
internal static class OutcomeLogging
{
    public static void Write(ILogger logger, RegistrationOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Conflict:
                Log.Conflict(logger, outcome.ObjectKind, outcome.Name, outcome.Message);
                break;
            case OutcomeKind.Failed:
                Log.Failed(logger, outcome.ObjectKind, outcome.Name, outcome.Message);
                break;
            case OutcomeKind.Unchanged or OutcomeKind.Skipped:
                break;
            default:
                Log.Changed(logger, outcome.Kind, outcome.ObjectKind, outcome.Name, outcome.Id);
                break;
        }
    }
}

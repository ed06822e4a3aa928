using ManageIQ.OpenScap.Contracts.Leadership;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>When the Lease is the chosen guard: its name and namespace are valid, and the namespace is known.</summary>
internal sealed class LeaseOptionsValidator : IValidateOptions<LeadershipOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Mode) || LeadershipSelection.Resolve(options.Mode) != LeadershipMode.Lease)
        {
            return ValidateOptionsResult.Skip;
        }

        var (_, problem) = LeaseTarget.TryResolve(options);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}

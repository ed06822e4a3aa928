using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>Fails the start when the selection rule picks a guard this program did not register.</summary>
internal sealed class LeadershipRegistrationValidator(IServiceProviderIsKeyedService registrations) : IValidateOptions<LeadershipOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Mode))
        {
            return ValidateOptionsResult.Skip;
        }

        var resolved = LeadershipSelection.Resolve(options.Mode);
        if (registrations.IsKeyedService(typeof(IActiveGuard), resolved))
        {
            return ValidateOptionsResult.Success;
        }

        var registration = resolved == LeadershipMode.Lease ? "AddLeaseGuard" : "AddFileLockGuard";
        return ValidateOptionsResult.Fail($"{LeadershipSelection.Explain(options.Mode, resolved)}, which this program does not provide ({registration} was not called).");
    }
}

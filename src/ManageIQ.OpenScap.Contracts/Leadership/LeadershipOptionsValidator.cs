using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>Checks the <c>Bridge:Leadership</c> section at start; every error names its key.</summary>
public sealed class LeadershipOptionsValidator : IValidateOptions<LeadershipOptions>
{
    private const string Prefix = LeadershipOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, LeadershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"{Prefix}Mode must be auto, lease or file, not {options.Mode}.");
        }

        if (options.Identity is { } identity && ReplicaIdentity.Problem(identity) is { } problem)
        {
            errors.Add($"{Prefix}Identity {problem}.");
        }

        Positive(errors, options.LeaseDuration, "LeaseDuration");
        Positive(errors, options.RenewDeadline, "RenewDeadline");
        Positive(errors, options.RetryPeriod, "RetryPeriod");
        if (options.LeaseDuration > TimeSpan.Zero && options.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{Prefix}LeaseDuration must be a whole number of seconds (the Lease stores leaseDurationSeconds), not {options.LeaseDuration}.");
        }

        if (options.LeaseDuration > TimeSpan.FromDays(1))
        {
            errors.Add($"{Prefix}LeaseDuration must be at most one day, not {options.LeaseDuration}.");
        }

        if (options.RenewDeadline >= options.LeaseDuration)
        {
            errors.Add($"{Prefix}RenewDeadline ({options.RenewDeadline}) must be shorter than {Prefix}LeaseDuration ({options.LeaseDuration}): the holder must stop before another replica may take over.");
        }

        if (options.RetryPeriod >= options.RenewDeadline)
        {
            errors.Add($"{Prefix}RetryPeriod ({options.RetryPeriod}) must be shorter than {Prefix}RenewDeadline ({options.RenewDeadline}): the holder must get at least one more try at renewing.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key} must be a positive duration, not {value}.");
        }
    }
}

using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>Checks <c>ManageIq:Probe</c> at start, naming the key.</summary>
internal sealed class ManageIqProbeOptionsValidator : IValidateOptions<ManageIqProbeOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ManageIqProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Deadline > TimeSpan.Zero && options.Deadline <= Longest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ManageIqProbeOptions.SectionName}:{nameof(ManageIqProbeOptions.Deadline)} is {options.Deadline}; it must be positive and at most {Longest}.");
    }
}

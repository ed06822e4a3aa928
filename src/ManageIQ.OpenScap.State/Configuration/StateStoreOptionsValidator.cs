using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.Configuration;

/// <summary>Checks the state options at start; every error names its configuration key.</summary>
public sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    private const string Prefix = StateStoreOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add($"{Prefix}StateDirectory is required: the directory of the bridge's state database, on a persistent volume.");
        }
        else if (!Path.IsPathFullyQualified(options.StateDirectory))
        {
            errors.Add($"{Prefix}StateDirectory must be an absolute path: {options.StateDirectory}");
        }
        else if (File.Exists(options.StateDirectory))
        {
            errors.Add($"{Prefix}StateDirectory names a file, not a directory: {options.StateDirectory}");
        }

        var history = options.History ?? new HistoryRetentionOptions();
        Positive(errors, history.MaxAge, "History:MaxAge");
        Positive(errors, history.CompactionInterval, "History:CompactionInterval");
        AtLeastOne(errors, history.MaxPerImage, "History:MaxPerImage");
        AtLeastOne(errors, history.MaxDeletesPerCompaction, "History:MaxDeletesPerCompaction");
        AtLeastOne(errors, history.MaxVacuumPagesPerCompaction, "History:MaxVacuumPagesPerCompaction");

        var outbox = options.Outbox ?? new OutboxOptions();
        Positive(errors, outbox.RetryBaseDelay, "Outbox:RetryBaseDelay");
        Positive(errors, outbox.RetryMaxDelay, "Outbox:RetryMaxDelay");
        if (outbox.RetryMaxDelay < outbox.RetryBaseDelay)
        {
            errors.Add($"{Prefix}Outbox:RetryMaxDelay ({outbox.RetryMaxDelay}) must not be shorter than {Prefix}Outbox:RetryBaseDelay ({outbox.RetryBaseDelay}).");
        }

        AtLeastOne(errors, outbox.MaxEntriesPerPass, "Outbox:MaxEntriesPerPass");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key} must be a positive duration, not {value}.");
        }
    }

    private static void AtLeastOne(List<string> errors, int value, string key)
    {
        if (value < 1)
        {
            errors.Add($"{Prefix}{key} must be at least 1, not {value}.");
        }
    }
}

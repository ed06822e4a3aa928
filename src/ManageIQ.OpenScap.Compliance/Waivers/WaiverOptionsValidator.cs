using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>Checks <c>Bridge:Waivers</c> at start: a bad waiver file refuses the start, naming its line.</summary>
internal sealed class WaiverOptionsValidator : IValidateOptions<WaiverOptions>
{
    public ValidateOptionsResult Validate(string? name, WaiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.CheckInterval < WaiverOptions.MinCheckInterval || options.CheckInterval > WaiverOptions.MaxCheckInterval)
        {
            errors.Add($"{WaiverOptions.SectionName}:{nameof(WaiverOptions.CheckInterval)} is {options.CheckInterval}; use {WaiverOptions.MinCheckInterval} to {WaiverOptions.MaxCheckInterval}.");
        }

        if (!string.IsNullOrWhiteSpace(options.File))
        {
            try
            {
                WaiverFileReader.Read(options.File);
            }
            catch (WaiverFileException e)
            {
                errors.Add($"{WaiverOptions.SectionName}:{nameof(WaiverOptions.File)}: {e.Message}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

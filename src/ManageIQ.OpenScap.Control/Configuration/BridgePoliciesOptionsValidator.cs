using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Control.Configuration;

/// <summary>Checks the keys of <c>Bridge:Policies</c> at start, each error naming its key.</summary>
internal sealed class BridgePoliciesOptionsValidator : IValidateOptions<BridgePoliciesOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgePoliciesOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            errors.Add($"{BridgePoliciesOptions.SectionName}:{nameof(options.Directory)} must name the directory of policy files.");
        }

        if (string.IsNullOrWhiteSpace(options.AssignProfile))
        {
            errors.Add($"{BridgePoliciesOptions.SectionName}:{nameof(options.AssignProfile)} must name a profile of the policy files.");
        }

        foreach (var id in options.AssignTo.Where(id => id <= 0))
        {
            errors.Add($"{BridgePoliciesOptions.SectionName}:{nameof(options.AssignTo)} holds {id}; provider ids are positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Checks the content map at start, naming the entry that is wrong.</summary>
public sealed class ScapContentOptionsValidator : IValidateOptions<ScapContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ScapContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var directory in options.SearchDirectories.Where(d => !Path.IsPathFullyQualified(d)))
        {
            errors.Add($"ScapContent:SearchDirectories: '{directory}' is not an absolute path.");
        }

        foreach (var version in options.RhelVexVersions.Where(v => v.Length == 0 || !v.All(char.IsAsciiDigit)))
        {
            errors.Add($"ScapContent:RhelVexVersions: '{version}' is not a RHEL major version (8, 9).");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Distributions.Count; i++)
        {
            var entry = options.Distributions[i];
            var where = $"ScapContent:Distributions:{i}";
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                errors.Add($"{where}: Id is empty.");
            }

            if (string.IsNullOrWhiteSpace(entry.Profile))
            {
                errors.Add($"{where} ({entry}): Profile is empty.");
            }

            if ((entry.DataStreams.Count == 0 && (entry.CveFeed is null || !CveFeedLocation.IsValid(entry.CveFeed))) || entry.DataStreams.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{where} ({entry}): DataStreams must list at least one file name or path, none empty, unless CveFeed names a feed to scan alone.");
            }

            if (entry.CveFeed is not null && !CveFeedLocation.IsValid(entry.CveFeed))
            {
                errors.Add($"{where} ({entry}): CveFeed '{entry.CveFeed}' is neither an http(s) URL nor an absolute path.");
            }

            foreach (var version in entry.Versions.DefaultIfEmpty("*"))
            {
                if (!seen.Add(entry.Id + " " + version))
                {
                    errors.Add($"{where}: {entry.Id} {version} is mapped twice.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

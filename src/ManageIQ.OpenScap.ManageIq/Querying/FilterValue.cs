namespace ManageIQ.OpenScap.ManageIq.Querying;

/// <summary>Builds <c>filter[]</c> values in ManageIQ's syntax (<c>lib/api/filter.rb</c>).</summary>
public static class FilterValue
{
    /// <summary>A quoted string: single quotes, or double quotes when the value holds a single quote.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\'', StringComparison.Ordinal) && value.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException("ManageIQ filters cannot quote a value holding both ' and \".", nameof(value));
        }

        // % and * are wildcards inside quoted values; names the bridge looks up never need them.
        if (value.Contains('%', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException("ManageIQ treats % and * in a quoted filter value as wildcards; exact lookups cannot hold them.", nameof(value));
        }

        return value.Contains('\'', StringComparison.Ordinal) ? $"\"{value}\"" : $"'{value}'";
    }

    public static string Equal(string attribute, string value) => $"{attribute}={Quote(value)}";
}

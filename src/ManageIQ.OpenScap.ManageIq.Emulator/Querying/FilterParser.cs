using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary>Parses <c>filter[]</c> values with the syntax and the 400 messages of <c>lib/api/filter.rb</c>.</summary>
internal static partial class FilterParser
{
    private static readonly string[] DateTimeOperators = ["=", "<", ">"];

    [GeneratedRegex(@"^(?<attr>[A-Za-z0-9_.\-]+)\s*(?<op>!==|==|!=|<=|>=|=~|!~|=|<|>)\s*(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex Clause();

    public static FilterClause Parse(string filter, string klass, IReadOnlyCollection<string> columns, Func<string, bool> isAssociation)
    {
        var text = filter.Trim();
        var or = text.StartsWith("or ", StringComparison.OrdinalIgnoreCase);
        if (or)
        {
            text = text[3..].Trim();
        }

        var match = Clause().Match(text);
        if (!match.Success || match.Groups["attr"].Length == 0)
        {
            throw ApiException.BadRequest($"Unknown operator specified in filter {filter}");
        }

        var parts = match.Groups["attr"].Value.Split('.');
        if (parts.Length > 2)
        {
            throw ApiException.BadRequest("Filtering of attributes with more than one association away is not supported");
        }

        var (association, attribute) = parts.Length == 2 ? (parts[0], parts[1]) : ((string?)null, parts[0]);
        if (association is null ? !columns.Contains(attribute) : !isAssociation(association))
        {
            throw ApiException.BadRequest($"Invalid filter - attribute {klass}-{match.Groups["attr"].Value} does not exist");
        }

        var op = match.Groups["op"].Value;
        var value = ParseValue(match.Groups["value"].Value.Trim());
        if (value.Items is not null && op != "=")
        {
            throw ApiException.BadRequest($"Unsupported operator for arrays: {op}");
        }

        if (IsDateTime(attribute) && !value.IsNull && value.Items is null)
        {
            if (!DateTimeOperators.Contains(op))
            {
                throw ApiException.BadRequest($"Unsupported operator for datetime: {op}");
            }

            if (!DateTimeOffset.TryParse(value.Text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
            {
                throw ApiException.BadRequest($"Bad format for datetime: {value.Text}");
            }
        }

        return new FilterClause(association, attribute, op, value, or);
    }

    public static bool IsDateTime(string attribute) =>
        attribute.EndsWith("_on", StringComparison.Ordinal) || attribute.EndsWith("_at", StringComparison.Ordinal) || attribute.EndsWith("_date", StringComparison.Ordinal);

    private static FilterValue ParseValue(string raw)
    {
        if (raw.Length >= 2 && raw[0] == '[' && raw[^1] == ']')
        {
            return new FilterValue(null, false, [.. raw[1..^1].Split(',').Select(i => Unquote(i.Trim()).Text ?? string.Empty)]);
        }

        if (raw.Equals("NULL", StringComparison.OrdinalIgnoreCase) || raw.Equals("nil", StringComparison.OrdinalIgnoreCase))
        {
            return new FilterValue(null, false, null);
        }

        return Unquote(raw);
    }

    private static FilterValue Unquote(string raw) =>
        raw.Length >= 2 && (raw[0] == '\'' || raw[0] == '"') && raw[^1] == raw[0]
            ? new FilterValue(raw[1..^1], true, null)
            : new FilterValue(raw, false, null);
}

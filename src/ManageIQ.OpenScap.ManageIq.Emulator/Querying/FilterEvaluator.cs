using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary>Evaluates parsed filters against rows: ANDed clauses, then ORed with every <c>or</c> clause.</summary>
internal static class FilterEvaluator
{
    public static Func<JObject, bool> Compile(IReadOnlyList<FilterClause> clauses, Func<string, JObject, JObject?> associate)
    {
        var and = clauses.Where(c => !c.Or).ToList();
        var or = clauses.Where(c => c.Or).ToList();
        return row => and.All(c => Matches(c, row, associate)) || or.Any(c => Matches(c, row, associate));
    }

    private static bool Matches(FilterClause clause, JObject row, Func<string, JObject, JObject?> associate)
    {
        var source = clause.Association is null ? row : associate(clause.Association, row);
        var actual = source is null ? null : FilterValue.Of(source, clause.Attribute);
        var isNull = actual is null || actual.Type == JTokenType.Null;
        var value = clause.Value;
        if (value.IsNull)
        {
            return clause.Operator == "!=" ? !isNull : isNull;
        }

        if (isNull)
        {
            return clause.Operator is "!=" or "!==" or "!~";
        }

        var text = actual!.Type == JTokenType.Boolean ? actual.Value<bool>().ToString().ToLowerInvariant() : actual.ToString();
        if (value.Items is not null)
        {
            return value.Items.Any(item => Compare(text, item, FilterParser.IsDateTime(clause.Attribute)) == 0);
        }

        var expected = value.Text!;
        return clause.Operator switch
        {
            "=" when value.Quoted && (expected.Contains('%') || expected.Contains('*')) => Wildcard(expected).IsMatch(text),
            "!=" when value.Quoted && (expected.Contains('%') || expected.Contains('*')) => !Wildcard(expected).IsMatch(text),
            "==" => string.Equals(text, expected, StringComparison.Ordinal),
            "!==" => !string.Equals(text, expected, StringComparison.Ordinal),
            "=~" => RegexOf(expected).IsMatch(text),
            "!~" => !RegexOf(expected).IsMatch(text),
            "=" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) == 0,
            "!=" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) != 0,
            "<" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) < 0,
            "<=" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) <= 0,
            ">" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) > 0,
            ">=" => Compare(text, expected, FilterParser.IsDateTime(clause.Attribute)) >= 0,
            _ => false,
        };
    }

    private static int Compare(string actual, string expected, bool dateTime)
    {
        if (dateTime
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e))
        {
            return a.CompareTo(e);
        }

        if (decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var an)
            && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var en))
        {
            return an.CompareTo(en);
        }

        return string.CompareOrdinal(actual, expected);
    }

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static Regex RegexOf(string pattern)
    {
        var ignoreCase = pattern.EndsWith("/i", StringComparison.Ordinal);
        var body = pattern.Trim('/');
        if (ignoreCase)
        {
            body = pattern[1..^2];
        }

        return new Regex(body, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}

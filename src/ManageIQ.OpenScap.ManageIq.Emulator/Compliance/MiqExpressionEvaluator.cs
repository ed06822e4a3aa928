using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Compliance;

/// <summary>
/// Evaluates an <c>MiqExpression</c>'s <c>exp</c> hash as <c>Condition.evaluate</c> does on a record
/// (<c>MiqExpression._to_ruby</c>, then <c>Condition.subst</c>). A field's value is substituted as a Ruby string, a
/// missing one as <c>""</c>, so <c>=</c>, <c>!=</c>, <c>&lt;</c> and <c>&gt;</c> compare strings, ordinal and
/// case-sensitive (<c>"10" &lt; "9"</c>). <c>INCLUDES</c>, <c>STARTS WITH</c> and <c>ENDS WITH</c> become regexes of
/// the escaped value; Ruby's <c>^</c> and <c>$</c> match at every line, so a multi-line value "starts with" any of its
/// lines. <c>FIND</c> searches an association: the emulator has none of those rows (openscap_rule_results), and
/// ManageIQ answers false for an empty search.
/// </summary>
internal static class MiqExpressionEvaluator
{
    public static bool Evaluate(JToken? expression, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (expression is not JObject { Count: > 0 } node)
        {
            // A condition without an expression matches nothing in ManageIQ's eval of an empty string.
            return false;
        }

        var property = node.Properties().First();
        var operands = property.Value;
        return property.Name.ToUpperInvariant() switch
        {
            "AND" => Each(operands).All(e => Evaluate(e, value)),
            "OR" => Each(operands).Any(e => Evaluate(e, value)),
            "NOT" or "!" => !Evaluate(operands, value),
            "=" or "EQUAL" => Field(operands, value) == Value(operands),
            "!=" => Field(operands, value) != Value(operands),
            "<" => string.CompareOrdinal(Field(operands, value), Value(operands)) < 0,
            ">" => string.CompareOrdinal(Field(operands, value), Value(operands)) > 0,
            "<=" => string.CompareOrdinal(Field(operands, value), Value(operands)) <= 0,
            ">=" => string.CompareOrdinal(Field(operands, value), Value(operands)) >= 0,
            "IS EMPTY" or "IS NULL" => Field(operands, value).Length == 0,
            "IS NOT EMPTY" or "IS NOT NULL" => Field(operands, value).Length != 0,
            "INCLUDES" => Matches(Field(operands, value), Regex.Escape(Value(operands))),
            "STARTS WITH" => Matches(Field(operands, value), "^" + Regex.Escape(Value(operands))),
            "ENDS WITH" => Matches(Field(operands, value), Regex.Escape(Value(operands)) + "$"),
            "FIND" => false,
            var other => throw ApiException.BadRequest($"operator '{other}' is not supported"),
        };
    }

    private static JArray Each(JToken operands) => operands as JArray ?? [operands];

    private static string Field(JToken operands, Func<string, string> value) =>
        operands.Value<string>("field") is { } field ? value(field) : string.Empty;

    /// <summary>The literal as Ruby's <c>quote(val, "string")</c> renders it: <c>val.to_s</c>, nil as empty.</summary>
    private static string Value(JToken operands) => operands["value"] is { Type: not JTokenType.Null } v ? v.ToString() : string.Empty;

    private static bool Matches(string input, string pattern) =>
        Regex.IsMatch(input, pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

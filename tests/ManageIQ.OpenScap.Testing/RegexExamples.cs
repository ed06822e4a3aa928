using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Concrete strings that match a path pattern of OVAL content (the small regular-expression
/// dialect SCAP Security Guide uses for file paths): one per alternative, with and without each
/// optional group; "any characters" becomes <c>canary</c>. Every example is checked against the pattern.
/// </summary>
public static class RegexExamples
{
    private const string Filler = "canary";
    private const int MaxExamples = 64;

    /// <summary>The examples of <paramref name="pattern"/>; fails the test when one does not match.</summary>
    public static IReadOnlyList<string> For(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var position = 0;
        var examples = Sequence(pattern, ref position);
        if (position != pattern.Length)
        {
            Assert.Fail($"unbalanced ')' at {position} in the pattern '{pattern}'");
        }

        foreach (var example in examples)
        {
            if (!Regex.IsMatch(example, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                Assert.Fail($"the example '{example}' made for the pattern '{pattern}' does not match it");
            }
        }

        return examples;
    }

    // sequence := (atom quantifier?)* up to ')' or '|' or the end; alternatives are split by the caller.
    private static List<string> Sequence(string pattern, ref int position)
    {
        var alternatives = new List<string>();
        var current = new List<string> { string.Empty };
        while (position < pattern.Length && pattern[position] != ')')
        {
            if (pattern[position] == '|')
            {
                position++;
                alternatives.AddRange(current);
                current = [string.Empty];
                continue;
            }

            var atom = Atom(pattern, ref position);
            var (optional, repeated) = Quantifier(pattern, ref position);
            List<string> choices;
            if (repeated && atom is [{ Length: 1 }])
            {
                // ".*", ".+", "[^/]+", "\S+": a word of its own.
                choices = [Filler];
            }
            else
            {
                choices = optional ? [string.Empty, .. atom] : atom;
            }

            current = [.. current.SelectMany(prefix => choices.Select(choice => prefix + choice)).Take(MaxExamples)];
        }

        alternatives.AddRange(current);
        return [.. alternatives.Distinct(StringComparer.Ordinal)];
    }

    private static List<string> Atom(string pattern, ref int position)
    {
        var c = pattern[position++];
        switch (c)
        {
            case '^' or '$':
                return [string.Empty];
            case '(':
                if (pattern.AsSpan(position).StartsWith("?:"))
                {
                    position += 2;
                }

                var inner = Sequence(pattern, ref position);
                position++; // ')'
                return inner;
            case '[':
                return [CharacterClass(pattern, ref position)];
            case '\\':
                var escaped = pattern[position++];
                return [escaped switch
                {
                    'w' or 'S' => "c",
                    'd' => "1",
                    's' => " ",
                    _ => escaped.ToString(),
                }];
            case '.':
                // Any character: the literal dot most paths mean by it.
                return ["."];
            default:
                return [c.ToString()];
        }
    }

    private static string CharacterClass(string pattern, ref int position)
    {
        var negated = pattern[position] == '^';
        var close = pattern.IndexOf(']', position + 1);
        var members = pattern[(negated ? position + 1 : position)..close];
        position = close + 1;
        if (negated)
        {
            return "c";
        }

        return members.Length > 0 && members[0] != '\\' ? members[..1] : "c";
    }

    private static (bool Optional, bool Repeated) Quantifier(string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            return (false, false);
        }

        switch (pattern[position])
        {
            case '?':
                position++;
                return (true, false);
            case '*':
                position++;
                return (true, true);
            case '+':
                position++;
                return (false, true);
            case '{':
                var close = pattern.IndexOf('}', position);
                var bounds = pattern[(position + 1)..close].Split(',');
                position = close + 1;
                return (bounds[0] == "0", bounds.Length > 1 && bounds[1] != "1");
            default:
                return (false, false);
        }
    }
}

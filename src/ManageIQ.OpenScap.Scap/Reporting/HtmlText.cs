using System.Text;

namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>
/// Writes untrusted text into HTML: cut to a bound (ending in an ellipsis, never inside a surrogate pair),
/// the five HTML-special characters escaped, and characters HTML forbids (controls, lone surrogates,
/// non-characters) replaced by U+FFFD. The result is safe as element content and in a quoted attribute.
/// </summary>
internal static class HtmlText
{
    private const char Ellipsis = '\u2026';
    private const char Replacement = '\uFFFD';

    public static void Write(StringBuilder html, string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var span = text.AsSpan();
        var cut = span.Length > max;
        if (cut)
        {
            var end = max;
            if (char.IsHighSurrogate(span[end - 1]))
            {
                end--;
            }

            span = span[..end].TrimEnd();
        }

        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '\t' or '\n':
                    html.Append(c);
                    break;
                case < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF':
                    html.Append(Replacement);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                    {
                        html.Append(c).Append(span[++i]);
                    }
                    else
                    {
                        html.Append(char.IsSurrogate(c) ? Replacement : c);
                    }

                    break;
            }
        }

        if (cut)
        {
            html.Append(Ellipsis);
        }
    }
}

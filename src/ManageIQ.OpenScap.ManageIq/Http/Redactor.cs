namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>Scrubs credentials from text the server sent back (ManageIQ echoes a bad token in its 401 message).</summary>
internal static class Redactor
{
    public const string Mask = "[redacted]";

    public static string Scrub(string text, IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

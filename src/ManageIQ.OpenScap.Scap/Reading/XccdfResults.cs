namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>The XCCDF result words and their parsing.</summary>
internal static class XccdfResults
{
    /// <summary>Indexed by <see cref="XccdfResult"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["pass", "fail", "error", "unknown", "notapplicable", "notchecked", "notselected", "informational", "fixed"];

    public static int Count => Names.Count;

    public static bool TryParse(ReadOnlySpan<char> text, out XccdfResult result)
    {
        var trimmed = text.Trim();
        for (var i = 0; i < Names.Count; i++)
        {
            if (trimmed.SequenceEqual(Names[i]))
            {
                result = (XccdfResult)i;
                return true;
            }
        }

        result = default;
        return false;
    }
}

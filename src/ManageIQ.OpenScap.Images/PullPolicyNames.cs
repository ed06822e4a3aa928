namespace ManageIQ.OpenScap.Images;

/// <summary>The command-line spellings of <see cref="PullPolicy"/>.</summary>
public static class PullPolicyNames
{
    /// <summary>Accepts <c>always</c>, <c>never</c>, <c>if-not-present</c> and image-inspector's <c>when-missing</c>.</summary>
    /// <exception cref="FormatException">Any other value.</exception>
    public static PullPolicy Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "always" => PullPolicy.Always,
        "never" => PullPolicy.Never,
        "if-not-present" or "ifnotpresent" or "when-missing" or "missing" => PullPolicy.IfNotPresent,
        _ => throw new FormatException($"Unknown pull policy '{text}': use always, never or if-not-present."),
    };
}

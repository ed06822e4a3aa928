namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>Parses XCCDF severities and the advisory severity words of CVE feeds.</summary>
internal static class Severities
{
    /// <summary>XCCDF <c>severityEnumType</c>; a missing or unrecognised value is <see cref="ScapSeverity.Unknown"/>.</summary>
    public static ScapSeverity ParseXccdf(string? text) => text?.Trim() switch
    {
        "high" => ScapSeverity.High,
        "medium" => ScapSeverity.Medium,
        "low" => ScapSeverity.Low,
        "info" => ScapSeverity.Info,
        _ => ScapSeverity.Unknown,
    };

    /// <summary>
    /// OVAL <c>metadata/advisory/severity</c>: Red Hat (Low, Moderate, Important, Critical) mapped as OpenSCAP's
    /// <c>oval-to-xccdf.xsl</c> does, plus Ubuntu's priorities (Negligible, Medium, High). Null when the word is
    /// not one of them, so the caller can fall back to the rule's severity.
    /// </summary>
    public static ScapSeverity? ParseAdvisory(string? text)
    {
        var word = text?.Trim();
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        return word.ToUpperInvariant() switch
        {
            "CRITICAL" or "IMPORTANT" or "HIGH" => ScapSeverity.High,
            "MODERATE" or "MEDIUM" => ScapSeverity.Medium,
            "LOW" => ScapSeverity.Low,
            "NEGLIGIBLE" or "INFO" or "NONE" => ScapSeverity.Info,
            _ => null,
        };
    }
}

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Which RHEL major version a CSAF product's CPE names. Only the main streams count
/// (<c>cpe:/o:redhat:enterprise_linux:9</c>, <c>cpe:/a:redhat:enterprise_linux:9::appstream</c>,
/// <c>cpe:/a:redhat:enterprise_linux:10.0</c>, and their CPE 2.3 forms): <c>rhel_eus</c>, <c>rhel_aus</c>,
/// <c>rhel_e4s</c>, <c>rhel_tus</c> and <c>rhel_els</c> products carry their own, older-branch fixed versions, which
/// would read a current image's package as fixed or vulnerable by another stream's numbering.
/// </summary>
public static class RhelPlatformCpe
{
    private const string Product = "enterprise_linux";

    /// <summary>The major version (<c>9</c>), or null when the CPE is not a RHEL main-stream product.</summary>
    public static string? Major(string? cpe)
    {
        if (string.IsNullOrEmpty(cpe))
        {
            return null;
        }

        string[] parts;
        if (cpe.StartsWith("cpe:/", StringComparison.OrdinalIgnoreCase))
        {
            parts = cpe[5..].Split(':');
        }
        else if (cpe.StartsWith("cpe:2.3:", StringComparison.OrdinalIgnoreCase))
        {
            parts = cpe[8..].Split(':');
        }
        else
        {
            return null;
        }

        if (parts.Length < 4 || !parts[1].Equals("redhat", StringComparison.OrdinalIgnoreCase) || !parts[2].Equals(Product, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var version = parts[3];
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        var major = dot >= 0 ? version[..dot] : version;
        return major.Length is > 0 and <= 3 && major.All(char.IsAsciiDigit) ? major : null;
    }
}

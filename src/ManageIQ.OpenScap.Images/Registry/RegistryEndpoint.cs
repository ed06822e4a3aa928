namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>Where a registry's API answers, and whether it was configured as insecure.</summary>
internal sealed record RegistryEndpoint(Uri BaseUri, bool Insecure)
{
    /// <summary>
    /// Matches <paramref name="registry"/> (<c>host[:port]</c>) against the insecure list, whose
    /// entries are <c>host[:port]</c> or <c>http://host[:port]</c>.
    /// </summary>
    public static bool IsInsecure(string registry, IEnumerable<string> insecureRegistries) =>
        insecureRegistries.Any(entry => string.Equals(StripScheme(entry), registry, StringComparison.OrdinalIgnoreCase));

    public static string StripScheme(string entry)
    {
        var text = entry.Trim().TrimEnd('/');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? text[(scheme + 3)..] : text;
    }
}

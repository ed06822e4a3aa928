namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// Names a custom attribute to delete: by name (optionally within a section, which newer ManageIQ releases
/// match as well as the name) or by its href.
/// </summary>
public sealed record CustomAttributeReference
{
    private CustomAttributeReference(string? name, string? section, Uri? href)
    {
        Name = name;
        Section = section;
        Href = href;
    }

    public string? Name { get; }

    public string? Section { get; }

    public Uri? Href { get; }

    public static CustomAttributeReference ByName(string name, string? section = null) => new(name ?? throw new ArgumentNullException(nameof(name)), section, null);

    public static CustomAttributeReference ByHref(Uri href) => new(null, null, href ?? throw new ArgumentNullException(nameof(href)));
}

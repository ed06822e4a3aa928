namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>Names a custom attribute to delete: by name or by its href.</summary>
public sealed record CustomAttributeReference
{
    private CustomAttributeReference(string? name, Uri? href)
    {
        Name = name;
        Href = href;
    }

    public string? Name { get; }

    public Uri? Href { get; }

    public static CustomAttributeReference ByName(string name) => new(name ?? throw new ArgumentNullException(nameof(name)), null);

    public static CustomAttributeReference ByHref(Uri href) => new(null, href ?? throw new ArgumentNullException(nameof(href)));
}

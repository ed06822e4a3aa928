namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Where a link leads inside the root: a relative name (<c>""</c> is the root) for Found and Dangling.</summary>
internal readonly record struct LinkResolution(LinkResolutionKind Kind, string Path, bool IsDirectory)
{
    public static LinkResolution Loop { get; } = new(LinkResolutionKind.Loop, string.Empty, false);

    public static LinkResolution TooDeep { get; } = new(LinkResolutionKind.TooDeep, string.Empty, false);

    public bool IsLoop => Kind is LinkResolutionKind.Loop or LinkResolutionKind.TooDeep;

    public static LinkResolution Found(string path, bool isDirectory) => new(LinkResolutionKind.Found, path, isDirectory);

    public static LinkResolution Dangling(string path) => new(LinkResolutionKind.Dangling, path, false);
}

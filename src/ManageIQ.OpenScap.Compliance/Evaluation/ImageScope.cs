namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>
/// What a waiver's scope is matched against: the image's provider id, its project (namespace) and its name as
/// ManageIQ lists it (e.g. <c>myproject/app</c>).
/// </summary>
public sealed record ImageScope(string? ProviderId, string? Project, string ImageName)
{
    /// <summary>
    /// The scope of an image ManageIQ lists as <paramref name="imageName"/>: its project is the name's first path
    /// segment (OpenShift's registry names images <c>&lt;project&gt;/&lt;image stream&gt;</c>), none for a one-segment name.
    /// </summary>
    public static ImageScope Of(string? providerId, string imageName)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        var slash = imageName.IndexOf('/', StringComparison.Ordinal);
        return new ImageScope(providerId, slash > 0 ? imageName[..slash] : null, imageName);
    }
}

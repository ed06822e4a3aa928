namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary>
/// <c>Bridge:Exclusions</c>: images never queued, by name pattern (<c>*</c> any run of characters, <c>?</c> one),
/// matched against the image's name and against <c>registry/name</c>. By default the inspector's own image,
/// as ManageIQ's condition "Do not scan image-inspector's image".
/// </summary>
public sealed class ExclusionOptions
{
    public const string InspectorImage = "*manageiq/openscap-inspector";

    public List<string> ImageNames { get; set; } = [InspectorImage];
}

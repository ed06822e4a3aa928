namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>ManageIQ's <c>ContainerImage#full_name</c> and <c>#docker_id</c> (manageiq <c>app/models/container_image.rb</c>).</summary>
public static class ContainerImageReference
{
    public const string DockerPullablePrefix = "docker-pullable://";
    public const string DockerPrefix = "docker://";

    /// <summary>
    /// <c>docker_id</c> when <c>image_ref</c> is docker-pullable; otherwise
    /// <c>[registry host[:port]/]name[:tag][@digest]</c>, each part left out when missing.
    /// </summary>
    public static string FullName(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.ImageRef is { } imageRef && imageRef.StartsWith(DockerPullablePrefix, StringComparison.Ordinal))
        {
            return DockerId(imageRef)!;
        }

        var registry = image.ContainerImageRegistry is { } r ? r.FullName + "/" : string.Empty;
        var tag = image.Tag is null ? string.Empty : ":" + image.Tag;
        var digest = image.Digest is null ? string.Empty : "@" + image.Digest;
        return registry + image.Name + tag + digest;
    }

    /// <summary><c>image_ref</c> without its <c>docker://</c> or <c>docker-pullable://</c> prefix; null for other refs.</summary>
    public static string? DockerId(string? imageRef)
    {
        if (imageRef is null)
        {
            return null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)[DockerPullablePrefix, DockerPrefix])
        {
            if (imageRef.StartsWith(prefix, StringComparison.Ordinal))
            {
                return imageRef[prefix.Length..];
            }
        }

        return null;
    }
}

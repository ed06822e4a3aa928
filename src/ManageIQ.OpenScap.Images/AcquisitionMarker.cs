using System.Text.Json;

namespace ManageIQ.OpenScap.Images;

/// <summary>
/// Written to <c>WorkDirectory/acquired.json</c> once a root filesystem is complete, so the pull
/// policy can reuse it; absent whenever the root filesystem is partial. <see cref="LinksConfined"/>
/// is false in markers written before symbolic links were confined to the root.
/// </summary>
internal sealed record AcquisitionMarker(
    string Source,
    string RequestedPlatform,
    string ImageId,
    string? ManifestDigest,
    IReadOnlyList<string> RepoDigests,
    string Platform,
    int LayerCount,
    long LayerBytes,
    long UnpackedBytes,
    string? IndexDigest = null,
    bool LinksConfined = false)
{
    public const string FileName = "acquired.json";

    public static AcquisitionMarker? TryRead(string workDirectory)
    {
        var path = Path.Combine(workDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AcquisitionMarker>(File.ReadAllBytes(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string workDirectory)
    {
        var path = Path.Combine(workDirectory, FileName);
        File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(this));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static void Delete(string workDirectory) => File.Delete(Path.Combine(workDirectory, FileName));
}

using ManageIQ.OpenScap.Demo.Images;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Registry;

/// <summary>Pushes an image's OCI layout to the loopback registry (<c>skopeo copy</c>, plain HTTP) and returns the manifest digest.</summary>
public static class SkopeoPusher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<string> PushAsync(BuiltImage image, string registryHost, string workDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var digestFile = Path.Combine(workDirectory, image.Spec.DirectoryName + ".digest");
        await ToolRunner.RunAsync(
            new ToolCommand(
                "skopeo",
                ["copy", "--quiet", "--dest-tls-verify=false", "--digestfile", digestFile, "oci:" + image.Layout + ":" + image.Spec.Tag, $"docker://{registryHost}/{image.Spec.Reference}"],
                Timeout),
            cancellationToken).ConfigureAwait(false);
        var digest = (await File.ReadAllTextAsync(digestFile, cancellationToken).ConfigureAwait(false)).Trim();
        return digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length == 71
            ? digest
            : throw new ToolException($"skopeo wrote '{digest}' as the digest of {image.Spec.Reference}, not a sha256 digest.");
    }
}

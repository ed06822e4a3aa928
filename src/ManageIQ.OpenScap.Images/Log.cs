using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Images;

/// <summary>Log messages of image acquisition.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Acquiring image {Image} for {Platform} into {RootFileSystem}")]
    public static partial void Acquiring(ILogger logger, string image, ImagePlatform platform, string rootFileSystem);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Image {Image} resolved: config {ImageId}, manifest {ManifestDigest}, {LayerCount} layers, {LayerBytes} bytes")]
    public static partial void Resolved(ILogger logger, string image, string imageId, string? manifestDigest, int layerCount, long layerBytes);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Image {Image} unpacked: {UnpackedBytes} bytes in {Elapsed}, distribution {Distribution}")]
    public static partial void Acquired(ILogger logger, string image, long unpackedBytes, TimeSpan elapsed, OsRelease? distribution);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Image {Image} already unpacked in the work directory; reused under pull policy {PullPolicy}")]
    public static partial void Reused(ILogger logger, string image, PullPolicy pullPolicy);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Image {Image}: {Credential} refused; trying the next credentials")]
    public static partial void CredentialRefused(ILogger logger, string image, string credential);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Blob {Digest} interrupted at byte {Offset} (attempt {Attempt}): {Reason}; resuming")]
    public static partial void BlobRetry(ILogger logger, string digest, long offset, int attempt, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Registry request for {What} failed with status {Status} (attempt {Attempt}); retrying")]
    public static partial void RequestRetry(ILogger logger, string what, int status, int attempt);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Image {Image} could not be acquired ({Failure})")]
    public static partial void Failed(ILogger logger, Exception exception, string image, ImageAcquisitionFailure failure);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "Layer {Index}/{Count} {Digest} unpacked in {Elapsed}")]
    public static partial void LayerUnpacked(ILogger logger, int index, int count, string digest, TimeSpan elapsed);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Image {Image}: {Links} symbolic links confined to the root ({Rewritten} rewritten, {Dangling} dangling, {Loops} loops) in {Elapsed}")]
    public static partial void LinksConfined(ILogger logger, string image, long links, long rewritten, long dangling, long loops, TimeSpan elapsed);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Image {Image}: the token realm {Realm} is on neither {Registry}'s host nor a configured auth server; the token is requested without {Credential}")]
    public static partial void CredentialsWithheld(ILogger logger, string image, string realm, string registry, string credential);
}

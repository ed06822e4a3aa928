using ManageIQ.OpenScap.Images;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Makes the scan request of one scan's settings and the <c>ImageAcquisition</c> settings every scan shares.</summary>
public sealed class ScanRequestFactory(IOptions<ImageAcquisitionOptions> acquisition)
{
    public ImageScanRequest Create(ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shared = acquisition.Value;
        return new ImageScanRequest
        {
            Acquisition = new ImageAcquisitionRequest
            {
                Source = settings.Image,
                WorkDirectory = ImageScanRequest.ImageDirectory(settings.WorkDirectory),
                Platform = settings.Platform,
                PullPolicy = settings.PullPolicy,
                DockerConfigFiles = [.. shared.DockerConfigFiles.Concat(settings.DockerConfigFiles).Distinct(StringComparer.Ordinal)],
                Username = settings.Username,
                PasswordFile = settings.PasswordFile,
                InsecureRegistries = [.. shared.InsecureRegistries.Concat(settings.InsecureRegistries).Distinct(StringComparer.OrdinalIgnoreCase)],
                CaFile = settings.CaFile ?? shared.CaFile,
            },
            WorkDirectory = settings.WorkDirectory,
            ResultsDirectory = settings.ResultsDirectory,
            HtmlReport = settings.HtmlReport,
            ContentOverride = settings.ContentOverride,
        };
    }
}

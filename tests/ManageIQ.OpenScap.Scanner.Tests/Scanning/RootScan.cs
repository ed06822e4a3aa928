using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;
using Moq;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>A scan of a root already on disk: the acquirer hands it over as the image's, with no registry.</summary>
internal static class RootScan
{
    public static IImageAcquirer Acquirer(string image, string root, char digest)
    {
        var acquirer = new Mock<IImageAcquirer>();
        acquirer.Setup(a => a.AcquireAsync(It.IsAny<ImageAcquisitionRequest>(), It.IsAny<IProgress<AcquisitionProgress>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AcquiredImage
            {
                Source = ImageSource.Parse(image),
                RootFileSystemPath = root,
                ImageId = "sha256:" + new string(digest, 64),
                OsRelease = OsRelease.ReadFromRoot(root),
                Platform = ImagePlatform.LinuxAmd64,
            });
        return acquirer.Object;
    }

    public static ImageScanRequest Request(string image, TempDirectory directory, string? cveFeed = null, bool htmlReport = false) => new()
    {
        Acquisition = new ImageAcquisitionRequest { Source = ImageSource.Parse(image), WorkDirectory = ImageScanRequest.ImageDirectory(directory.Combine("work")) },
        WorkDirectory = directory.Combine("work"),
        ResultsDirectory = directory.Combine("results"),
        HtmlReport = htmlReport,
        ContentOverride = cveFeed is null ? ScapContentOverride.None : new(CveFeed: cveFeed),
    };
}

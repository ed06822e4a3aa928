using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>One acquisition in a process of its own, so it is measured like skopeo and umoci are.</summary>
internal static class AcquireCommand
{
    public const string Name = "acquire";

    /// <summary>Arguments: REFERENCE WORK-DIRECTORY INSECURE-REGISTRY. Prints the acquirer's own timings.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var acquirer = new ImageAcquirer(Options.Create(new ImageAcquisitionOptions()), NullLogger<ImageAcquirer>.Instance, TimeProvider.System);
        var image = await acquirer.AcquireAsync(new ImageAcquisitionRequest
        {
            Source = ImageSource.Parse(args[0]),
            WorkDirectory = args[1],
            InsecureRegistries = [args[2]],
            PullPolicy = PullPolicy.Always,
        }, null, CancellationToken.None);
        var t = image.Timings;
        Console.WriteLine($"resolve {t.Resolve.TotalSeconds:F3} pull {t.Pull.TotalSeconds:F3} unpack {t.Unpack.TotalSeconds:F3} total {t.Total.TotalSeconds:F3} bytes {image.UnpackedBytes}");
        return 0;
    }
}

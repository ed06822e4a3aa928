using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>One acquisition of a hostile image in a process of its own, so its peak memory is measured alone.</summary>
internal static class AcquireHostileCommand
{
    public const string Name = "acquire-hostile";

    /// <summary>Arguments: LAYOUT WORK-DIRECTORY [MAX-HEADER-RECORD-BYTES]. Prints the outcome; exits 0 whatever it is.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var limits = args.Length > 2 ? new UnpackLimits { MaxHeaderRecordBytes = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) } : UnpackLimits.Default;
        var acquirer = new ImageAcquirer(Options.Create(new ImageAcquisitionOptions()), NullLogger<ImageAcquirer>.Instance, TimeProvider.System);
        try
        {
            var image = await acquirer.AcquireAsync(new ImageAcquisitionRequest
            {
                Source = ImageSource.FromOciLayout(args[0], "x"),
                WorkDirectory = args[1],
                PullPolicy = PullPolicy.Always,
                Limits = limits,
            }, null, CancellationToken.None);
            Console.WriteLine($"acquired ({image.UnpackedBytes} bytes)");
        }
        catch (ImageAcquisitionException ex)
        {
            Console.WriteLine($"refused, {ex.Failure}: {ex.Message[(ex.Message.IndexOf("): ", StringComparison.Ordinal) + 3)..]}");
        }
#pragma warning disable CA1031 // The benchmark reports how the acquisition ended, a crash included.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.WriteLine($"crashed, {ex.GetType().Name}: {ex.Message}");
        }

        return 0;
    }
}

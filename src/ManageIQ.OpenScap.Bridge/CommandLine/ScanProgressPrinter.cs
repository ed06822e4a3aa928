using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// Prints scan progress for people: each stage once, and per layer the bytes pulled in quarter steps,
/// so a large image does not flood the terminal.
/// </summary>
internal sealed class ScanProgressPrinter(TextWriter output) : IProgress<ScanProgress>
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, int> printedQuarter = [];
    private string? lastMessage;

    public void Report(ScanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            var line = Line(value);
            if (line is null || line == lastMessage)
            {
                return;
            }

            lastMessage = line;
            output.WriteLine(line);
        }
    }

    private string? Line(ScanProgress value)
    {
        if (value.Acquisition is not { Phase: AcquisitionPhase.PullingLayer } layer)
        {
            return value.Message;
        }

        var quarter = layer.BytesTotal <= 0 ? 4 : (int)Math.Min(4, layer.BytesDone * 4 / layer.BytesTotal);
        if (printedQuarter.TryGetValue(layer.LayerIndex, out var printed) && printed >= quarter)
        {
            return null;
        }

        printedQuarter[layer.LayerIndex] = quarter;
        return $"Pulling layer {layer.LayerIndex}/{layer.LayerCount} {Short(layer.Digest)}: {Megabytes(layer.BytesDone)} of {Megabytes(layer.BytesTotal)} MB";
    }

    private static string Short(string? digest) => digest is null ? string.Empty : digest.Length > 19 ? digest[..19] : digest;

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}

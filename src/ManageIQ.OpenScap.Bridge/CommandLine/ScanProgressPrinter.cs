using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// Prints scan progress for people (<see cref="ScanProgressText"/>'s lines): each line once, and per layer the bytes
/// pulled in quarter steps, so a large image does not flood the terminal.
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
            if (!IsNewQuarter(value))
            {
                return;
            }

            var line = value.Message;
            if (line == lastMessage)
            {
                return;
            }

            lastMessage = line;
            output.WriteLine(line);
        }
    }

    private bool IsNewQuarter(ScanProgress value)
    {
        if (value is not { Stage: ScanStage.Pulling, Layer: { } layer })
        {
            return true;
        }

        var quarter = layer.BytesTotal <= 0 ? 4 : (int)Math.Min(4, layer.BytesDone * 4 / layer.BytesTotal);
        if (printedQuarter.TryGetValue(layer.Index, out var printed) && printed >= quarter)
        {
            return false;
        }

        printedQuarter[layer.Index] = quarter;
        return true;
    }
}

using ManageIQ.OpenScap.Service.Discovery;

namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>
/// The demo on the terminal: live progress while it runs (<see cref="SpectreDisplay"/>), plain lines when the output
/// is not a terminal (<see cref="PlainDisplay"/>), and the final tables. Calls may come from the service's threads.
/// </summary>
public interface IDemoDisplay
{
    /// <summary>Runs the demo's work inside the live region.</summary>
    Task<T> RunAsync<T>(Func<Task<T>> work);

    void Header(string workDirectory);

    IDemoStep BeginStep(string area, string detail);

    void Discovered(DiscoveryReport report);

    void ScanStarted(string image);

    void ScanProgress(string image, int stage, string message);

    void ScanFinished(string image, string outcome, bool failed);

    void Warning(string text);

    void Summary(DemoSummary summary);

    void Fatal(string message);
}

using System.Globalization;

namespace ManageIQ.OpenScap.State;

/// <summary>
/// Named points where the process stops and waits, so a test can kill it there with SIGKILL. Off unless the
/// environment names them: <c>MANAGEIQ_OPENSCAP_FAILPOINTS=name1,name2</c> with the signal directory in
/// <c>MANAGEIQ_OPENSCAP_FAILPOINT_DIR</c>. At an enabled point the process writes <c>&lt;dir&gt;/&lt;name&gt;.reached</c>
/// (holding its process id) and waits until <c>&lt;dir&gt;/&lt;name&gt;.release</c> exists; once released, the point no
/// longer stops.
/// </summary>
public sealed class Failpoints
{
    public const string NamesVariable = "MANAGEIQ_OPENSCAP_FAILPOINTS";
    public const string DirectoryVariable = "MANAGEIQ_OPENSCAP_FAILPOINT_DIR";

    /// <summary>Inside the transaction recording a result, just before its commit.</summary>
    public const string BeforeCommit = "state.before-commit";

    /// <summary>The result is committed and ManageIQ's attributes were read; the upsert is not sent yet.</summary>
    public const string BeforePost = "outbox.before-post";

    /// <summary>ManageIQ answered the upsert; stale attributes are not deleted yet.</summary>
    public const string AfterUpsert = "outbox.after-upsert";

    /// <summary>ManageIQ answered every request of the delivery; the outbox entry is not marked yet.</summary>
    public const string BeforeMark = "outbox.before-mark";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly HashSet<string> _enabled;

    private Failpoints(HashSet<string> enabled, string? directory)
    {
        _enabled = enabled;
        Directory = directory;
    }

    /// <summary>No point enabled: every <see cref="HitAsync"/> returns at once.</summary>
    public static Failpoints None { get; } = new([], null);

    public string? Directory { get; }

    public IReadOnlyCollection<string> Enabled => _enabled;

    public static Failpoints FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    public static Failpoints FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var names = environment(NamesVariable);
        if (string.IsNullOrWhiteSpace(names))
        {
            return None;
        }

        var directory = environment(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory) || !System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException($"{NamesVariable} is set, so {DirectoryVariable} must name an existing directory for the failpoint signals (it is '{directory}').");
        }

        return new Failpoints([.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], directory);
    }

    public bool IsEnabled(string name) => _enabled.Contains(name);

    /// <summary>At an enabled point, signals that it was reached and waits for its release; elsewhere returns at once.</summary>
    public async Task HitAsync(string name, CancellationToken cancellationToken)
    {
        if (!_enabled.Contains(name))
        {
            return;
        }

        var release = Path.Combine(Directory!, name + ".release");
        if (File.Exists(release))
        {
            return;
        }

        var reached = Path.Combine(Directory!, name + ".reached");
        await File.WriteAllTextAsync(reached + ".tmp", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        File.Move(reached + ".tmp", reached, overwrite: true);
        while (!File.Exists(release))
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>
/// The whole environment oscap and its probes run with, built from an allow-list rather than inherited:
/// the inspector's and bridge's environments hold INSPECTOR_AUTH_TOKEN, MANAGEIQ_* credentials and proxy
/// credentials, and oscap runs over hostile content. Passed on from this process: PATH, LANG, LC_ALL and
/// TMPDIR. Set by the project per run: OSCAP_* variables, APT_CONFIG and HOME (never this process's own HOME:
/// the scan's work directory, holding the <c>.rpmmacros</c> of <see cref="RpmMacrosWorkaround"/>).
/// </summary>
public static class OscapEnvironment
{
    /// <summary>PATH when this process has none: the usual system directories.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Variables passed on from this process's environment when set.</summary>
    public static readonly IReadOnlyList<string> Inherited = ["PATH", "LANG", "LC_ALL", "TMPDIR"];

    /// <summary>Builds the child's environment from <paramref name="invocation"/>'s variables and the inherited ones.</summary>
    /// <exception cref="ArgumentException">An invocation variable is neither OSCAP_* nor APT_CONFIG.</exception>
    public static Dictionary<string, string> Build(IReadOnlyDictionary<string, string> invocation, Func<string, string?> inherited)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(inherited);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (inherited(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        environment.TryAdd("PATH", DefaultPath);
        foreach (var (name, value) in invocation)
        {
            if (!IsProjectVariable(name))
            {
                throw new ArgumentException($"{name} is not a variable oscap is given; only OSCAP_*, APT_CONFIG and HOME are.", nameof(invocation));
            }

            environment[name] = value;
        }

        return environment;
    }

    private static bool IsProjectVariable(string name) =>
        name is "APT_CONFIG" or "HOME" || (name.StartsWith("OSCAP_", StringComparison.Ordinal) && name.Length > "OSCAP_".Length);
}

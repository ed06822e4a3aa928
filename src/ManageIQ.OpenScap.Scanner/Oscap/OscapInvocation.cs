namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>One run of the <c>oscap</c> executable.</summary>
public sealed record OscapInvocation
{
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The OSCAP_* and APT_CONFIG variables of this run; the rest of the environment is <see cref="OscapEnvironment"/>'s.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public required string WorkingDirectory { get; init; }

    /// <summary>After this the whole process tree is killed.</summary>
    public required TimeSpan Timeout { get; init; }
}

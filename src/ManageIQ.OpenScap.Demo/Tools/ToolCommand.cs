namespace ManageIQ.OpenScap.Demo.Tools;

/// <summary>A program the demo runs (mmdebstrap, umoci, skopeo, apt-get, dpkg-deb, oscap), with its deadline.</summary>
public sealed record ToolCommand(string FileName, IReadOnlyList<string> Arguments, TimeSpan Timeout)
{
    /// <summary>Null: the demo's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set (a value) or removed (null) in the child's environment, on top of the demo's own.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The command line as people read it, for error messages.</summary>
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "'" + a + "'" : a)));
}

namespace ManageIQ.OpenScap.Vex;

/// <summary>The RPM statements of a whole VEX feed, distinct, in the feed's order: what is cached between scans.</summary>
/// <param name="Documents">How many documents the feed held.</param>
/// <param name="Statements">The statements of all of them.</param>
public sealed record VexIndex(int Documents, IReadOnlyList<VexRpmStatement> Statements)
{
    /// <summary>The statements about one RHEL major version.</summary>
    public IEnumerable<VexRpmStatement> ForMajor(string major) => Statements.Where(s => s.Major == major);
}

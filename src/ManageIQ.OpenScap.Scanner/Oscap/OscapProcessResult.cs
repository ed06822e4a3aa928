namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>What one <c>oscap</c> process did.</summary>
/// <param name="ExitCode">The exit status; -1 when the process was killed.</param>
/// <param name="StandardError">Standard error, cut at a bounded size.</param>
/// <param name="StandardOutputTail">The first and last lines of standard output (the rule listing is long and not kept whole).</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="TimedOut">The time limit killed the process tree.</param>
public sealed record OscapProcessResult(int ExitCode, string StandardError, string StandardOutputTail, TimeSpan Elapsed, bool TimedOut);

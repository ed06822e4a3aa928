namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>oscap failed: it could not start, exited with an error status, timed out, or reported a broken probe.</summary>
public sealed class OpenScapException : Exception
{
    public OpenScapException()
    {
    }

    public OpenScapException(string message)
        : base(message)
    {
    }

    public OpenScapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OpenScapException(string message, int exitCode, IReadOnlyList<string> errorLines)
        : base(message)
    {
        ExitCode = exitCode;
        ErrorLines = errorLines;
    }

    /// <summary>oscap's exit status, or -1 when it was killed or never ran.</summary>
    public int ExitCode { get; } = -1;

    /// <summary>The error lines of standard error (<c>E:</c> and <c>OpenSCAP Error:</c>).</summary>
    public IReadOnlyList<string> ErrorLines { get; } = [];
}

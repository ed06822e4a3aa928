namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Runs the real oscap against an unpacked root filesystem, offline.</summary>
public interface IOpenScapRunner
{
    /// <summary>The version of the installed oscap, detected once.</summary>
    /// <exception cref="OpenScapException">oscap is missing or printed no version.</exception>
    Task<Version> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>Evaluates an SCAP data stream profile and writes the ARF.</summary>
    /// <exception cref="OpenScapException">oscap failed, timed out, or its dpkginfo probe broke.</exception>
    Task<OscapEvaluationResult> EvaluateAsync(XccdfEvaluation evaluation, CancellationToken cancellationToken);

    /// <summary>Evaluates plain OVAL definitions and writes the OVAL results.</summary>
    /// <exception cref="OpenScapException">oscap failed, timed out, or its dpkginfo probe broke.</exception>
    Task<OscapEvaluationResult> EvaluateOvalAsync(OvalEvaluation evaluation, CancellationToken cancellationToken);

    /// <summary>Renders the HTML report of an ARF (<c>oscap xccdf generate report</c>).</summary>
    /// <exception cref="OpenScapException">oscap failed or timed out.</exception>
    Task<TimeSpan> GenerateHtmlReportAsync(string arfPath, string htmlPath, CancellationToken cancellationToken);
}

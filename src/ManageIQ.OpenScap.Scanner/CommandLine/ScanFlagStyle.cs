namespace ManageIQ.OpenScap.Scanner.CommandLine;

/// <summary>Who binds the scan flags: the two differ only in defaults and the bridge's aliases.</summary>
public enum ScanFlagStyle
{
    /// <summary>
    /// The inspector: <c>--image</c> required, HTML report off unless asked, work directory kept in <c>/var/tmp</c>,
    /// results and CVE cache inside it.
    /// </summary>
    Inspector,

    /// <summary>
    /// <c>bridge scan</c>: the image also positional, <c>--output-dir</c> and <c>--no-html</c>, HTML report on, results in
    /// <c>./scan-results</c>, a temporary work directory removed afterwards.
    /// </summary>
    Bridge,
}

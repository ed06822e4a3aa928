namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>What a distribution's CVE feed is (<c>ScapContent:Distributions[n]:CveFeedFormat</c>).</summary>
public enum CveFeedFormat
{
    /// <summary>OVAL definitions (<c>.xml</c>, <c>.xml.bz2</c>, <c>.xml.gz</c>), given to oscap as they are.</summary>
    Oval,

    /// <summary>
    /// CSAF 2.0 VEX documents (Red Hat's, for RHEL 10, or 8 and 9 without OVAL): a <c>.json</c>, a directory, a
    /// tar (plain, gzip, zstd) or an <c>archive_latest.txt</c> naming one; converted to OVAL for each image (docs/vex.md).
    /// </summary>
    CsafVex,
}

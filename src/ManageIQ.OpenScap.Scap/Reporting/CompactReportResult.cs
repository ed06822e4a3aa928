namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>A rendered compact report.</summary>
/// <param name="Html">The self-contained HTML page.</param>
/// <param name="Encoded">
/// The page as UTF-8, gzip-compressed and base64-encoded (standard alphabet, padded): the value of the
/// <c>openscap_report_html</c> custom attribute; never longer than <see cref="CompactReportOptions.MaxEncodedLength"/>.
/// </param>
/// <param name="Listed">How many failed results the page lists.</param>
/// <param name="Omitted">How many failed results were left out to fit (the least severe ones); the page says so.</param>
public sealed record CompactReportResult(string Html, string Encoded, int Listed, int Omitted);

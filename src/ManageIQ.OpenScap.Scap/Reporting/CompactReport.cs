using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Scap.Reporting;

/// <summary>
/// The compact HTML report posted to ManageIQ as <c>openscap_report_html</c>: one self-contained page (inline
/// CSS, no script, no external resource, every ARF value escaped) with the summary first, then each failed rule
/// with its title, severity, CVEs, rationale and fix text. When the whole page would not fit
/// <see cref="CompactReportOptions.MaxEncodedLength"/>, it lists the most severe failed results that fit and says
/// how many it left out; it always fits, whatever the input.
/// </summary>
public static class CompactReport
{
    /// <summary>The first number of listed failures tried; pages of real scans mostly fit whole at once.</summary>
    private const int FirstProbe = 256;

    /// <exception cref="ArgumentException">An option is out of its range; the message names it.</exception>
    public static CompactReportResult Render(ScapSummary summary, CompactReportDetails details, CompactReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(details);
        options ??= new CompactReportOptions();
        Validate(options);
        var writer = new CompactReportWriter(summary, details, options);
        var total = writer.Total;

        // Gallop up from the first probe while the page fits, then bisect between the last fit and the first miss.
        // Each page written is at most about twice the size of the one returned.
        CompactReportResult? fitting = null;
        var fits = 0;
        var misses = total + 1;
        var probe = Math.Min(total, FirstProbe);
        while (probe > fits || fitting is null)
        {
            var attempt = Attempt(writer, probe, options.MaxEncodedLength);
            if (attempt is null)
            {
                misses = probe;
                break;
            }

            fitting = attempt;
            fits = probe;
            if (probe == total)
            {
                return attempt;
            }

            probe = Math.Min(total, probe * 2);
        }

        while (misses - fits > 1)
        {
            var middle = fits + ((misses - fits) / 2);
            if (Attempt(writer, middle, options.MaxEncodedLength) is { } attempt)
            {
                (fitting, fits) = (attempt, middle);
            }
            else
            {
                misses = middle;
            }
        }

        // The summary's values are bounded so that the page without failures fits the smallest limit accepted.
        return fitting ?? Attempt(writer, 0, options.MaxEncodedLength)
            ?? throw new InvalidOperationException($"the report without failures exceeds {options.MaxEncodedLength} characters encoded");
    }

    private static CompactReportResult? Attempt(CompactReportWriter writer, int listed, int maxEncoded)
    {
        var html = writer.Write(listed);
        var encoded = CompactReportEncoding.Encode(html);
        return encoded.Length <= maxEncoded ? new CompactReportResult(html, encoded, listed, writer.Total - listed) : null;
    }

    private static void Validate(CompactReportOptions options)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            var names = string.Join(", ", errors.SelectMany(e => e.MemberNames));
            throw new ArgumentException($"invalid compact report options ({names}): {string.Join(" ", errors.Select(e => e.ErrorMessage))}", nameof(options));
        }
    }
}

using System.Globalization;

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>How many of the CVE feed's definitions oscap evaluated, once feed slimming left out those that could not be true.</summary>
/// <param name="Evaluated">Definitions given to oscap.</param>
/// <param name="Total">Definitions in the feed.</param>
public sealed record CveFeedDefinitions(int Evaluated, int Total)
{
    /// <summary>The one wording of the counts: in the notes (<c>openscap_notes</c>, the compact report, <c>bridge scan</c>'s output) and oscap's HTML report.</summary>
    public string Note => Evaluated == Total
        ? string.Create(CultureInfo.InvariantCulture, $"{Evaluated} of {Total} feed definitions evaluated: each could be true for the image's packages.")
        : string.Create(CultureInfo.InvariantCulture, $"{Evaluated} of {Total} feed definitions evaluated: the other {Total - Evaluated} name only packages the image does not have, so they could not be true.");
}

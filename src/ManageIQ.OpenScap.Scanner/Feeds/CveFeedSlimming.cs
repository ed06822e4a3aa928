using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Oval;
using ManageIQ.OpenScap.Packages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// Slims a materialized CVE feed in place to the definitions that could be true for the image's packages
/// (<see cref="OvalFeedSlimmer"/>), unless <see cref="CveFeedOptions.Slim"/> is off or the package database cannot
/// be listed. oscap then reads the slim feed under the same name, through <c>--local-files</c> or <c>oval eval</c>.
/// </summary>
internal sealed class CveFeedSlimming(IOptions<CveFeedOptions> options, ILogger<CveFeedSlimming> logger)
{
    /// <summary>The feed at <paramref name="feedPath"/> slimmed for <paramref name="inventory"/>; the feed is left whole when it cannot be.</summary>
    public async Task<CveFeedSlimmingOutcome> SlimAsync(string feedPath, PackageInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (!options.Value.Slim)
        {
            return CveFeedSlimmingOutcome.NotSlimmed;
        }

        var name = Path.GetFileName(feedPath);
        if (!inventory.Listed)
        {
            Log.CveFeedNotSlimmed(logger, name, inventory.Source);
            return new CveFeedSlimmingOutcome(null, $"The CVE feed was not slimmed: the scanner cannot list the image's package database ({inventory.Source}) yet, so all the feed's definitions were evaluated.");
        }

        // The whole feed keeps its name (the slimmer's messages name it) in a directory of its own beside the slim one.
        var wholeDirectory = Directory.CreateDirectory(feedPath + ".whole").FullName;
        var whole = Path.Combine(wholeDirectory, name);
        File.Move(feedPath, whole, overwrite: true);
        try
        {
            var slimmer = new OvalFeedSlimmer(new OvalSlimLimits { MaxInputBytes = options.Value.MaxBytes });
            var result = await Task.Run(() => slimmer.Slim(whole, feedPath, Packages(inventory), cancellationToken), cancellationToken).ConfigureAwait(false);
            Log.CveFeedSlimmed(logger, name, result.KeptDefinitions, result.Definitions, (long)result.Elapsed.TotalMilliseconds);
            var definitions = new CveFeedDefinitions(result.KeptDefinitions, result.Definitions);
            return new CveFeedSlimmingOutcome(definitions, definitions.Note);
        }
        catch (OvalFormatException e)
        {
            // oscap judges the feed itself: a feed the slimmer cannot read is given to it whole, never dropped.
            Log.CveFeedSlimFailed(logger, name, e.Message);
            File.Move(whole, feedPath, overwrite: true);
            return new CveFeedSlimmingOutcome(null, "The CVE feed could not be slimmed, so all its definitions were evaluated: " + e.Message);
        }
        finally
        {
            Directory.Delete(wholeDirectory, recursive: true);
        }
    }

    /// <summary>Binary and source names alike (feeds name either), every package the database lists, fully installed or not.</summary>
    private static ImagePackages Packages(PackageInventory inventory)
    {
        var names = inventory.Packages.SelectMany(p => new[] { p.Name, p.SourceName }).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        return inventory.Kind switch
        {
            PackageDatabaseKind.Dpkg => new ImagePackages(names, null),
            PackageDatabaseKind.Rpm => new ImagePackages(null, names),

            // No database a probe reads: neither dpkginfo nor rpminfo can find any package.
            _ => new ImagePackages(names, names),
        };
    }
}

using System.Diagnostics;
using System.Xml;

namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// Reduces an OVAL definitions feed to the definitions that could be true on one image (docs/feed-slimming.md): a
/// first streaming pass indexes ids, criteria trees and references, the definitions are evaluated in three-valued
/// logic against the image's packages, and a second streaming pass copies what is kept. Only a definition whose
/// criteria are definitely false is left out, so oscap's true definitions are the same with or without slimming.
/// </summary>
public sealed class OvalFeedSlimmer(OvalSlimLimits limits)
{
    /// <summary>Writes the slimmed feed (plain XML) to <paramref name="outputPath"/>; reads plain, bzip2 or gzip.</summary>
    /// <exception cref="OvalFormatException">The feed is not OVAL definitions the slimmer can read, or is over a limit.</exception>
    public OvalSlimResult Slim(string inputPath, string outputPath, ImagePackages packages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(packages);
        var clock = Stopwatch.StartNew();
        var index = FeedIndexReader.Read(inputPath, limits, cancellationToken);
        var selection = FeedSelection.Select(index, new DefinitionEvaluator(index, packages, limits.MaxDepth));
        var partial = outputPath + ".partial";
        try
        {
            FeedWriter.Write(inputPath, partial, selection, index.Definitions.Count, limits, cancellationToken);
            File.Move(partial, outputPath, overwrite: true);
        }
        catch (XmlException e)
        {
            throw new OvalFormatException($"The CVE feed {Path.GetFileName(inputPath)} is not well-formed XML: {e.Message}", e);
        }
        finally
        {
            File.Delete(partial);
        }

        return new OvalSlimResult(index.Definitions.Count, selection.KeptDefinitions, clock.Elapsed);
    }
}

using System.IO.Compression;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// Places a fetched feed where oscap reads it. oscap reads plain and bzip2 XML by content, whatever the file
/// name; gzip it does not read, so a gzip feed is decompressed.
/// </summary>
public static class CveFeedMaterializer
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    /// <summary>Writes the feed to <paramref name="targetPath"/>, decompressing gzip.</summary>
    /// <exception cref="CveFeedException">The feed is larger than <paramref name="maxBytes"/> or not readable.</exception>
    public static async Task MaterializeAsync(string feedPath, string targetPath, long maxBytes, CancellationToken cancellationToken)
    {
        var source = new FileStream(feedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (source.ConfigureAwait(false))
        {
            var head = new byte[2];
            var read = await source.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            source.Position = 0;
            if (read < 2 || !head.AsSpan().SequenceEqual(GzipMagic))
            {
                File.Copy(feedPath, targetPath, overwrite: true);
                return;
            }

            var gzip = new GZipStream(source, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                var target = new FileStream(targetPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (target.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    long total = 0;
                    int n;
                    try
                    {
                        while ((n = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            total += n;
                            if (total > maxBytes)
                            {
                                throw new CveFeedException($"The CVE feed {feedPath} decompresses to more than {maxBytes} bytes.");
                            }

                            await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch (InvalidDataException e)
                    {
                        throw new CveFeedException($"The CVE feed {feedPath} is not valid gzip: {e.Message}", e);
                    }
                }
            }
        }
    }
}

using System.Formats.Tar;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// The next entry of a tar reader fed untrusted bytes. The reader fails on hostile archives with
/// whatever its parsing throws (overflowing numbers, unsupported entry types, sizes it cannot
/// hold); those are the archive's faults, reported as an invalid archive (<c>what</c> names it), never as a crash.
/// </summary>
internal static class TarEntries
{
    public static TarEntry? Next(TarReader reader, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (Exception ex) when (IsArchiveFault(ex))
        {
            throw Invalid(what, ex);
        }
    }

    public static async ValueTask<TarEntry?> NextAsync(TarReader reader, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsArchiveFault(ex))
        {
            throw Invalid(what, ex);
        }
    }

    // A read error of the storage below (an IOException other than a premature end) stays what it is.
    private static bool IsArchiveFault(Exception ex) =>
        ex is not (LayerException or OperationCanceledException or OutOfMemoryException) && (ex is not IOException || ex is EndOfStreamException);

    private static LayerException Invalid(string what, Exception ex) =>
        new(ImageAcquisitionFailure.UnsafeLayer, $"{what} is not a valid (compressed) tar archive: {ex.Message}", ex);
}

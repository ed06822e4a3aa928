using System.Net;

namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>An answer body whose reads each end within the idle deadline, with the original's headers.</summary>
internal sealed class IdleDeadlineContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly IdleDeadline deadline;

    public IdleDeadlineContent(HttpContent inner, IdleDeadline deadline)
    {
        this.inner = inner;
        this.deadline = deadline;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new IdleDeadlineStream(await inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), deadline);

    protected override bool TryComputeLength(out long length)
    {
        length = inner.Headers.ContentLength ?? 0;
        return inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>
/// A registry on a raw socket (127.0.0.1:0) whose <c>/v2/</c> answers and whose every other request gets a
/// 404 with a chunked body that never ends. Its writes block when the client stops reading, so
/// <see cref="BytesWritten"/> is what the client read plus what the socket buffers hold.
/// </summary>
internal sealed class EndlessErrorRegistry : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _bytesWritten;

    public EndlessErrorRegistry()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var requestLine = await ReadRequestLineAsync(stream);
                if (requestLine.StartsWith("GET /v2/ ", StringComparison.Ordinal))
                {
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                    return;
                }

                await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                var text = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"" + new string('x', 16 * 1024);
                var chunk = Encoding.ASCII.GetBytes($"{text.Length:x}\r\n{text}\r\n");
                while (!_stop.IsCancellationRequested)
                {
                    await stream.WriteAsync(chunk, _stop.Token);
                    Interlocked.Add(ref _bytesWritten, chunk.Length);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up.
            }
        }
    }

    private static async Task<string> ReadRequestLineAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var text = received.ToString();
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}

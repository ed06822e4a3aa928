using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>
/// A loopback HTTP server for answers the emulator never gives: it issues a token on <c>/api/auth</c> and
/// answers every other GET 200 with the given body and content type (one request per connection).
/// </summary>
public sealed class CannedListingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _body;
    private readonly string _contentType;
    private readonly Task _serving;

    public CannedListingServer(string body, string contentType = "application/json; charset=utf-8")
    {
        _body = body;
        _contentType = contentType;
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (connection)
            {
                var stream = connection.GetStream();
                var head = await ReadHeadAsync(stream);
                var body = head.Contains(" /api/auth", StringComparison.Ordinal)
                    ? "{\"auth_token\":\"canned-token\",\"token_ttl\":600,\"expires_on\":\"2099-01-01T00:00:00Z\"}"
                    : _body;
                var bytes = Encoding.UTF8.GetBytes(body);
                var answer = $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}

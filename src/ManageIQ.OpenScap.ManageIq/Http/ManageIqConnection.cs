using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// Sends API calls with RestSharp over the factory's HttpClient: token authentication (Basic once for
/// <c>GET /api/auth</c>, then <c>X-Auth-Token</c>), renewal before expiry, one re-authentication on 401,
/// jittered retries of reads and repeatable writes on 502/503/504/time-outs, and ManageIQ's errors turned into exceptions.
/// </summary>
internal sealed partial class ManageIqConnection : IDisposable
{
    public const string HttpClientName = "ManageIQ";

    private readonly IHttpClientFactory _factory;
    private readonly ManageIqClientOptions _options;
    private readonly ManageIqCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _root;
    private readonly SemaphoreSlim _authLock = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _seenTokens = new(StringComparer.Ordinal);
    private TokenState? _token;
    private bool _preIssuedRejected;

    public ManageIqConnection(IHttpClientFactory factory, IOptions<ManageIqClientOptions> options, TimeProvider time, ILogger logger)
    {
        _factory = factory;
        _options = options.Value;
        _credentials = ManageIqCredentials.Resolve(_options);
        _time = time;
        _logger = logger;
        _root = RootOf(_options.BaseUrl!);
        if (_credentials.Token is { } token)
        {
            _seenTokens[token] = 0;
        }

        if (_options.SkipTlsVerification)
        {
            Log.TlsVerificationDisabled(logger, _root);
        }
    }

    public int PageSize => _options.PageSize;

    public bool ReadAhead => _options.ReadAhead;

    /// <summary>The appliance root, e.g. <c>https://miq.example.com/</c>.</summary>
    public Uri Root => _root;

    /// <summary>Sends the call and returns its JSON (null for 204), or throws a <see cref="ManageIqException"/>.</summary>
    public async Task<JToken?> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Parse(request, await SendRawAsync(request, read: null, cancellationToken));

    /// <summary>
    /// Sends the call and turns a successful JSON answer into <typeparamref name="T"/> with <paramref name="read"/>,
    /// as the body arrives; <paramref name="read"/> returns null for a body with no JSON in it.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<TextReader, T?> read, CancellationToken cancellationToken)
    {
        var outcome = await SendRawAsync(request, text => read(text), cancellationToken);
        if (outcome.Streamed is { } streamed)
        {
            if (streamed.Failure is not null)
            {
                throw streamed.Failure;
            }

            return streamed.Value is T value
                ? value
                : throw new ManageIqResponseException($"{request.Describe} answered {(int)outcome.Status} without a JSON body.") { StatusCode = outcome.Status, Request = request.Describe };
        }

        if (string.IsNullOrWhiteSpace(outcome.Content) || !LooksLikeJson(outcome))
        {
            _ = Parse(request, outcome);
            throw new ManageIqResponseException($"{request.Describe} answered {(int)outcome.Status} without a JSON body.") { StatusCode = outcome.Status, Request = request.Describe };
        }

        using var content = new StringReader(outcome.Content);
        return read(content) ?? throw new ManageIqResponseException($"{request.Describe} answered JSON that cannot be read as {typeof(T).Name}: null") { Request = request.Describe };
    }

    // read: turns a successful JSON answer into a model straight from the response stream; null keeps the body as text.
    private async Task<AttemptOutcome> SendRawAsync(ApiRequest request, Func<TextReader, object?>? read, CancellationToken cancellationToken)
    {
        var reauthenticated = false;
        var attempt = 0;
        while (true)
        {
            var token = await TokenAsync(cancellationToken);
            var sentAt = _time.GetUtcNow();
            var outcome = await ExecuteAsync(request, token.Value, basic: null, read, cancellationToken);
            if (!outcome.Answered || outcome.IsRetryableStatus)
            {
                if (request.Idempotent && attempt < _options.MaxRetries)
                {
                    attempt++;
                    await BackOffAsync(request, outcome, attempt, cancellationToken);
                    continue;
                }

                if (!outcome.Answered)
                {
                    throw TransportFailure(request, outcome, attempt);
                }
            }

            if (outcome.Status == HttpStatusCode.Unauthorized && !reauthenticated && _credentials.CanAuthenticate)
            {
                reauthenticated = true;
                Forget(token);
                Log.Reauthenticating(_logger, request.MethodName, "/" + request.Path);
                continue;
            }

            if (outcome.IsSuccess)
            {
                token.Used(sentAt);
                return outcome;
            }

            throw Failure(request, outcome);
        }
    }

    private async Task<TokenState> TokenAsync(CancellationToken cancellationToken)
    {
        var current = _token;
        if (current is not null && !current.NeedsRenewal(_time.GetUtcNow(), _options.TokenRenewalMargin))
        {
            return current;
        }

        await _authLock.WaitAsync(cancellationToken);
        try
        {
            current = _token;
            if (current is not null && !current.NeedsRenewal(_time.GetUtcNow(), _options.TokenRenewalMargin))
            {
                return current;
            }

            if (_credentials.Token is { } preIssued && !_preIssuedRejected)
            {
                return _token = new TokenState(preIssued, ttl: null, expiresOn: null, preIssued: true);
            }

            if (!_credentials.CanAuthenticate)
            {
                throw new ManageIqException("The ManageIQ token was rejected and no user and password are configured to obtain a new one.");
            }

            if (current?.ExpiresOn is { } expires)
            {
                Log.RenewingToken(_logger, expires);
            }

            return _token = await AuthenticateAsync(cancellationToken);
        }
        finally
        {
            _authLock.Release();
        }
    }

    private void Forget(TokenState token)
    {
        if (token.PreIssued)
        {
            _preIssuedRejected = true;
        }

        Interlocked.CompareExchange(ref _token, null, token);
    }

    /// <summary><c>GET /api/auth</c> with Basic credentials: <c>{auth_token, token_ttl, expires_on}</c>.</summary>
    private async Task<TokenState> AuthenticateAsync(CancellationToken cancellationToken)
    {
        Log.Authenticating(_logger, _root);
        var request = ApiRequest.Get("api/auth");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.User}:{_credentials.Password}"));
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await ExecuteAsync(request, token: null, basic, read: null, cancellationToken);
            if ((!outcome.Answered || outcome.IsRetryableStatus) && attempt < _options.MaxRetries)
            {
                await BackOffAsync(request, outcome, attempt + 1, cancellationToken);
                continue;
            }

            if (!outcome.Answered)
            {
                throw TransportFailure(request, outcome, attempt);
            }

            if (!outcome.IsSuccess)
            {
                throw Failure(request, outcome);
            }

            var body = Parse(request, outcome) as JObject;
            var value = body?.Value<string>("auth_token");
            if (string.IsNullOrEmpty(value))
            {
                throw new ManageIqResponseException($"{request.Describe} answered without an auth_token.") { StatusCode = outcome.Status, Request = request.Describe };
            }

            _seenTokens[value] = 0;
            var ttl = TimeSpan.FromSeconds(body!.Value<int?>("token_ttl") ?? 600);
            var expiresOn = DateTimeOffset.TryParse(body.Value<string>("expires_on"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var e)
                ? e
                : _time.GetUtcNow() + ttl;
            Log.TokenObtained(_logger, (int)ttl.TotalSeconds, expiresOn);
            return new TokenState(value, ttl, expiresOn, preIssued: false);
        }
    }

    private async Task<AttemptOutcome> ExecuteAsync(ApiRequest request, string? token, string? basic, Func<TextReader, object?>? read, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.RequestTimeout);
        var rest = new RestRequest(request.Path, request.Method);
        rest.AddHeader("Accept", "application/json");
        if (token is not null)
        {
            rest.AddHeader("X-Auth-Token", token);
        }

        if (basic is not null)
        {
            rest.AddHeader("Authorization", "Basic " + basic);
        }

        if (!string.IsNullOrEmpty(_options.Group))
        {
            rest.AddHeader("X-MIQ-Group", Uri.EscapeDataString(_options.Group));
        }

        foreach (var (name, value) in request.Query)
        {
            rest.AddQueryParameter(name, value);
        }

        if (request.Body is not null)
        {
            rest.AddStringBody(request.Body.ToString(Formatting.None), DataFormat.Json);
        }

        StreamedBody? streamed = null;
        if (read is not null)
        {
            rest.AdvancedResponseWriter = (http, sent) => StreamedResponse(http, sent, read, out streamed);
        }

        Log.Sending(_logger, request.MethodName, request.Path, request.QueryText);

        var started = Stopwatch.GetTimestamp();
        using var client = new RestClient(_factory.CreateClient(HttpClientName), new RestClientOptions(_root), disposeHttpClient: true);
        var response = await client.ExecuteAsync(rest, attempt.Token);
        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode == 0)
        {
            return new AttemptOutcome(0, null, null, response.ErrorException ?? new HttpRequestException(response.ErrorMessage), attempt.IsCancellationRequested);
        }

        Log.Answered(_logger, request.MethodName, "/" + request.Path, (int)response.StatusCode, elapsed);
        return new AttemptOutcome(response.StatusCode, response.ContentType, response.Content, null, false, streamed);
    }

    /// <summary>
    /// A successful JSON answer is read from the buffered response stream straight into the model, skipping
    /// RestSharp's byte copy and page-sized string. Anything else returns null: RestSharp then reads the body
    /// as text as usual, so errors, HTML pages and other content types take the ordinary path.
    /// </summary>
    private static RestResponse StreamedResponse(HttpResponseMessage http, RestRequest sent, Func<TextReader, object?> read, out StreamedBody? streamed)
    {
        streamed = null;
        var contentType = http.Content.Headers.ContentType;
        if (!http.IsSuccessStatusCode || contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null!; // RestSharp then reads the body itself, as for any request without a writer
        }

        using (var text = new StreamReader(http.Content.ReadAsStream(), EncodingOf(contentType.CharSet), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024))
        {
            try
            {
                streamed = new StreamedBody(read(text), null);
            }
            catch (ManageIqResponseException e)
            {
                streamed = new StreamedBody(null, e);
            }
        }

        return new RestResponse(sent)
        {
            StatusCode = http.StatusCode,
            StatusDescription = http.ReasonPhrase,
            IsSuccessStatusCode = true,
            ResponseStatus = ResponseStatus.Completed,
            ContentType = contentType.MediaType,
            ContentLength = http.Content.Headers.ContentLength,
            ResponseUri = http.RequestMessage?.RequestUri,
        };
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private async Task BackOffAsync(ApiRequest request, AttemptOutcome outcome, int attempt, CancellationToken cancellationToken)
    {
        var delay = Backoff.Delay(attempt, _options.RetryBaseDelay, _options.RetryMaxDelay);
        var reason = outcome.Answered ? $"{(int)outcome.Status}" : outcome.TimedOut ? "timed out" : "no answer";
        Log.Retrying(_logger, request.MethodName, "/" + request.Path, reason, attempt, _options.MaxRetries, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken);
    }

    private static Uri RootOf(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        return new Uri(text + "/");
    }

    public void Dispose() => _authLock.Dispose();
}

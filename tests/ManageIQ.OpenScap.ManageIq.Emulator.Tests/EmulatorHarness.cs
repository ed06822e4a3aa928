using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>An emulator on 127.0.0.1:0 and a plain HttpClient talking to it as admin (Basic) unless told otherwise.</summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(ManageIqEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = Basic("admin", "smartvm");
    }

    public ManageIqEmulator Emulator { get; }

    public HttpClient Http { get; }

    public string Api => Emulator.BaseUri + "api";

    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null) => new(await ManageIqEmulator.StartAsync(options));

    /// <summary>An emulator with the <c>/emulator</c> control routes on, as <c>bridge emulator --control</c> runs it.</summary>
    public static Task<EmulatorHarness> StartControlledAsync(JObject? seed = null) => StartAsync(new EmulatorOptions { Control = true, Seed = seed });

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public async Task<(int Status, JObject Body)> GetAsync(string path, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (auth is not null)
        {
            request.Headers.Authorization = auth;
        }

        return await SendAsync(request);
    }

    public async Task<(int Status, JObject Body)> PostAsync(string path, object body, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body is string s ? s : JToken.FromObject(body).ToString(), Encoding.UTF8, "application/json"),
        };
        if (auth is not null)
        {
            request.Headers.Authorization = auth;
        }

        return await SendAsync(request);
    }

    public async Task<(int Status, JObject Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? Parse(text) : new JObject { ["__text"] = text };
        return ((int)response.StatusCode, body);
    }

    public async Task<(int Status, JObject Body)> DeleteAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        return await SendAsync(request);
    }

    /// <summary>A JSON array answer, such as <c>GET /emulator/requests</c>.</summary>
    public async Task<JArray> GetArrayAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(await response.Content.ReadAsStringAsync())) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JArray.Load(reader);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; the test's CancelAfter bounds the wait.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Parses without turning ISO strings into dates, so tests see the text ManageIQ sent.</summary>
    public static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

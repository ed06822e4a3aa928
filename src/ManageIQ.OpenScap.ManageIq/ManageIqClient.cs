using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Querying;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>
/// The <see cref="IManageIqClient"/> over ManageIQ's REST API. One instance per appliance (singleton) over the
/// connection that holds the API token, which it shares with the start-up probe and does not own; HTTP connections
/// come from <see cref="IHttpClientFactory"/> per request.
/// </summary>
public sealed partial class ManageIqClient : IManageIqClient
{
    private readonly ManageIqConnection _connection;

    internal ManageIqClient(ManageIqConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The first member of a collection with this exact name, or null.</summary>
    private Task<T?> FindByNameAsync<T>(string collection, string name, CancellationToken cancellationToken)
        where T : class => FindByAsync<T>(collection, "name", name, cancellationToken);

    /// <summary>The first member of a collection whose <paramref name="attribute"/> is exactly <paramref name="value"/>, or null.</summary>
    private async Task<T?> FindByAsync<T>(string collection, string attribute, string value, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var query = new QueryBuilder().ExpandResources().Filter(FilterValue.Equal(attribute, value)).Build();
        await foreach (var item in PageAsync<T>($"api/{collection}", query, cancellationToken))
        {
            return item;
        }

        return null;
    }

    private async Task<JToken?> PostAsync(string path, JObject body, CancellationToken cancellationToken) =>
        await _connection.SendAsync(ApiRequest.Post(path, body), cancellationToken);

    /// <summary>The first of a POST's results as a model.</summary>
    private async Task<T> CreateAsync<T>(string path, JObject resource, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post(path, new JObject { ["action"] = "create", ["resource"] = resource });
        var results = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe);
        return Json.To<T>(results.FirstOrDefault(), request.Describe);
    }

    /// <summary>ManageIQ's <c>edit</c> action on one resource, answered with the edited resource.</summary>
    private async Task<T> EditAsync<T>(string collection, long id, JObject resource, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Post($"api/{collection}/{Id(id)}", new JObject { ["action"] = "edit", ["resource"] = resource });
        return Json.To<T>(await _connection.SendAsync(request, cancellationToken), request.Describe);
    }

    private string Href(string collection, long id) => new Uri(_connection.Root, $"api/{collection}/{Id(id)}").ToString();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

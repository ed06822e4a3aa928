using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq;

/// <summary>Reports (read, import) and widgets (read).</summary>
public sealed partial class ManageIqClient
{
    public Task<Report?> FindReportAsync(string name, CancellationToken cancellationToken = default) =>
        FindByNameAsync<Report>("reports", name, cancellationToken);

    public async Task<ReportImport> ImportReportAsync(JObject report, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var resource = new JObject { ["report"] = report.DeepClone(), ["options"] = new JObject { ["save"] = true, ["overwrite"] = overwrite } };
        var request = ApiRequest.Post("api/reports", new JObject { ["action"] = "import", ["resources"] = new JArray(resource) });
        var answer = Json.Results(await _connection.SendAsync(request, cancellationToken), request.Describe).FirstOrDefault() as JObject
            ?? throw new Errors.ManageIqResponseException($"{request.Describe} answered no result.") { Request = request.Describe };
        var stored = answer["result"] is JObject result ? Json.To<Report>(result, request.Describe) : null;
        return new ReportImport(answer.Value<bool?>("success") == true, answer.Value<string>("message"), stored);
    }

    public Task<Widget?> FindWidgetAsync(string description, CancellationToken cancellationToken = default) =>
        FindByAsync<Widget>("widgets", "description", description, cancellationToken);
}

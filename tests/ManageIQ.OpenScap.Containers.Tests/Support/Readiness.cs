using System.Net;
using ManageIQ.OpenScap.Contracts.Hosting;

namespace ManageIQ.OpenScap.Containers.Tests.Support;

/// <summary>Polls <see cref="HealthPaths.Readiness"/> until 200, as the pod's readiness probe does.</summary>
public static class Readiness
{
    public static async Task WaitAsync(HttpClient client, CancellationToken cancellationToken, string path = HealthPaths.Readiness)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}

using System.Text.Json;
using ManageIQ.OpenScap.Contracts.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Service.Health;

/// <summary><c>/healthz</c> (the process serves requests) and <c>/readyz</c> (every <see cref="IReadinessCheck"/> passes).</summary>
public static class HealthEndpoints
{
    public const string Liveness = HealthPaths.Liveness;
    public const string Readiness = HealthPaths.Readiness;
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapBridgeHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Liveness, () => Results.Text("alive\n"));
        endpoints.MapGet(Readiness, (Delegate)ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(HttpContext context)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(CheckTimeout);
        var checks = context.RequestServices.GetServices<IReadinessCheck>();
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var ready = true;
        foreach (var check in checks)
        {
            ReadinessResult result;
            try
            {
                result = await check.CheckAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                result = ReadinessResult.Fail($"no answer within {CheckTimeout.TotalSeconds:0} s");
            }

            ready &= result.Ready;
            results[check.Name] = result.Ready ? "ok" : result.Reason ?? "not ready";
        }

        var body = JsonSerializer.Serialize(new ReadinessBody(ready, results), HealthJsonContext.Default.ReadinessBody);
        return Results.Text(body, "application/json", statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

using ManageIQ.OpenScap.Contracts.Inspector;
using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>
/// image-inspector's shared secret: with a token configured, every path (<c>/healthz</c> included) needs
/// <c>X-Auth-Token</c>, except <see cref="ReadinessPath"/>, which the kubelet's probe asks without any secret and
/// which says nothing but whether the scan is finished. A custom header: the Kubernetes API proxy strips <c>Authorization</c>.
/// </summary>
internal sealed class AuthTokenMiddleware(RequestDelegate next, string token, ILogger<AuthTokenMiddleware> logger)
{
    public const string HeaderName = InspectorWire.AuthTokenHeader;

    /// <summary>The readiness probe's path, served without the token.</summary>
    public const string ReadinessPath = InspectorPaths.Ready;

    private readonly byte[] expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.Equals(ReadinessPath, StringComparison.Ordinal) && HttpMethods.IsGet(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!context.Request.Headers.TryGetValue(HeaderName, out var given) || string.IsNullOrEmpty(given))
        {
            await RefuseAsync(context, $"Authorization failed: must provide {HeaderName} header with this request").ConfigureAwait(false);
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), expected))
        {
            await RefuseAsync(context, "Authorization failed: invalid auth token provided").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, string message)
    {
        Log.Unauthorized(logger, context.Request.Path, message);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n").ConfigureAwait(false);
    }
}

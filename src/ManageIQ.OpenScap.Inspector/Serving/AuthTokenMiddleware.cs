using ManageIQ.OpenScap.Contracts.Inspector;
using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>
/// image-inspector's shared secret: with a token configured, every path (<c>/healthz</c> included) needs
/// <c>X-Auth-Token</c>. A custom header, because the Kubernetes API proxy strips <c>Authorization</c>.
/// </summary>
internal sealed class AuthTokenMiddleware(RequestDelegate next, string token, ILogger<AuthTokenMiddleware> logger)
{
    public const string HeaderName = InspectorWire.AuthTokenHeader;
    private readonly byte[] expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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

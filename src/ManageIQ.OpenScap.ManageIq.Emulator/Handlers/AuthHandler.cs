using ManageIQ.OpenScap.ManageIq.Emulator.Auth;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary><c>GET /api/auth</c> issues a token (fact 16); <c>DELETE /api/auth</c> revokes it (fact 18).</summary>
internal static class AuthHandler
{
    private static readonly string[] RequesterTypes = ["api", "ui", "ws"];

    public static ApiResult Issue(ApiContext context, TokenStore tokens)
    {
        var requester = context.QueryValue("requester_type");
        if (requester is not null && !RequesterTypes.Contains(requester))
        {
            throw ApiException.BadRequest($"Invalid requester_type {requester} specified, valid types are: api, ui, ws");
        }

        var token = tokens.Issue(context.User!.UserId, context.Group?.Description);
        var body = new JObject
        {
            ["auth_token"] = token.Value,
            ["token_ttl"] = (int)token.Ttl.TotalSeconds,
            ["expires_on"] = EmulatorStore.FormatTime(token.ExpiresOn),
        };
        if (requester is "ui" or "ws")
        {
            body["requester_type"] = requester;
        }

        return ApiResult.Ok(body);
    }

    public static ApiResult Revoke(ApiContext context, TokenStore tokens)
    {
        tokens.Revoke(context.Http.Request.Headers["X-Auth-Token"].ToString());
        return ApiResult.NoContent();
    }
}

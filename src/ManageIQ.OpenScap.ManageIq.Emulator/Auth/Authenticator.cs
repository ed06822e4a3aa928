using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>
/// <c>require_api_user_or_token</c> (facts 15-19): the token header is checked first and never falls back to
/// Basic; no credentials at all is a 401 without a <c>WWW-Authenticate</c> challenge.
/// </summary>
internal sealed class Authenticator
{
    private readonly TokenStore _tokens;

    public Authenticator(TokenStore tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Sets the caller's user and group, or throws the 401 ManageIQ answers.</summary>
    public string Authenticate(ApiContext context)
    {
        var headers = context.Http.Request.Headers;
        if (headers.TryGetValue("X-Auth-Token", out var tokenHeader))
        {
            var value = tokenHeader.ToString();
            if (string.IsNullOrEmpty(value))
            {
                throw ApiException.Unauthorized("Empty Authentication Token (HTTP_X_AUTH_TOKEN)");
            }

            var renew = !string.Equals(headers["X-Auth-Skip-Token-Renewal"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            var token = _tokens.Use(value, renew) ?? throw ApiException.Unauthorized($"Invalid Authentication Token {value} specified");
            SetUser(context, context.Store.Users.First(u => u.UserId == token.UserId), token.Group);
            return "token";
        }

        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var (userId, password) = Decode(authorization["Basic ".Length..]);
            var user = context.Store.Users.FirstOrDefault(u => u.UserId == userId && u.Password == password)
                ?? throw ApiException.Unauthorized("Authentication failed");
            SetUser(context, user, null);
            return "basic";
        }

        const string missing = "Api::BaseController::Authentication::AuthenticationError";
        throw ApiException.Unauthorized(missing, missing);
    }

    private static void SetUser(ApiContext context, EmulatorUser user, string? tokenGroup)
    {
        var requested = context.Http.Request.Headers["X-MIQ-Group"].ToString();
        var groupName = string.IsNullOrEmpty(requested) ? tokenGroup ?? (user.Groups.Count > 0 ? user.Groups[0] : null) : Uri.UnescapeDataString(requested);
        if (groupName is null || !user.Groups.Contains(groupName))
        {
            throw ApiException.Unauthorized($"Invalid Authorization Group {groupName} specified");
        }

        var group = context.Store.Groups.FirstOrDefault(g => g.Description == groupName)
            ?? throw ApiException.Unauthorized($"Invalid User {user.UserId} specified, User's Role is missing");
        context.User = user;
        context.Group = group;
    }

    private static (string User, string Password) Decode(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (text, string.Empty) : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            throw ApiException.Unauthorized("Authentication failed");
        }
    }
}

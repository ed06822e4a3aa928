using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>Issued API tokens with ManageIQ's sliding TTL (each use renews unless told not to).</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issued = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;

    public TokenStore(TimeProvider time, TimeSpan ttl)
    {
        _time = time;
        _ttl = ttl;
    }

    public IssuedToken Issue(string userId, string? group)
    {
        var token = new IssuedToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, group, _ttl)
        {
            ExpiresOn = _time.GetUtcNow() + _ttl,
        };
        _tokens[token.Value] = token;
        _issued.Enqueue(token.Value);
        return token;
    }

    /// <summary>The live token, renewed unless <paramref name="renew"/> is false; null when unknown or expired.</summary>
    public IssuedToken? Use(string value, bool renew)
    {
        if (!_tokens.TryGetValue(value, out var token))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (token.ExpiresOn <= now)
        {
            _tokens.TryRemove(value, out _);
            return null;
        }

        if (renew)
        {
            token.ExpiresOn = now + token.Ttl;
        }

        return token;
    }

    public void Revoke(string value) => _tokens.TryRemove(value, out _);

    /// <summary>Expires every issued token at once (fault injection: "the token expired").</summary>
    public void ExpireAll() => _tokens.Clear();

    public int Count => _tokens.Count;

    /// <summary>Every token value ever issued (tests check none leaks into logs).</summary>
    public IReadOnlyList<string> Issued => [.. _issued];
}

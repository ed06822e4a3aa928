namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// The token in use. <see cref="ExpiresOn"/> is the client's estimate: ManageIQ slides the expiry on every
/// use, so each answered request moves it to send time + TTL. A pre-issued token has no known expiry.
/// </summary>
internal sealed class TokenState
{
    public TokenState(string value, TimeSpan? ttl, DateTimeOffset? expiresOn, bool preIssued)
    {
        Value = value;
        Ttl = ttl;
        ExpiresOn = expiresOn;
        PreIssued = preIssued;
    }

    public string Value { get; }

    public TimeSpan? Ttl { get; }

    public DateTimeOffset? ExpiresOn { get; private set; }

    public bool PreIssued { get; }

    public bool NeedsRenewal(DateTimeOffset now, TimeSpan margin) => ExpiresOn is { } expires && now >= expires - margin;

    public void Used(DateTimeOffset sentAt)
    {
        if (Ttl is { } ttl && (ExpiresOn is null || sentAt + ttl > ExpiresOn))
        {
            ExpiresOn = sentAt + ttl;
        }
    }
}

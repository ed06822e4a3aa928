namespace ManageIQ.OpenScap.ManageIq.Emulator.Auth;

/// <summary>A token from <c>GET /api/auth</c>: who it authenticates and until when.</summary>
internal sealed record IssuedToken(string Value, string UserId, string? Group, TimeSpan Ttl)
{
    public DateTimeOffset ExpiresOn { get; set; }
}

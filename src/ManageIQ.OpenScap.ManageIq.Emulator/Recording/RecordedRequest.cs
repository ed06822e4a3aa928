namespace ManageIQ.OpenScap.ManageIq.Emulator.Recording;

/// <summary>
/// A request the emulator received. <see cref="Status"/> is 0 when the connection was dropped;
/// <see cref="Auth"/> is basic, token or none (never the credential itself).
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, int Status, string Auth, string? Fault, string Body, DateTimeOffset At)
{
    /// <summary>The JSON <c>action</c> of a POST body, when there is one.</summary>
    public string? Action { get; init; }
}

namespace ManageIQ.OpenScap.Service.Health;

/// <summary>One readiness check's answer; <see cref="Reason"/> says why it is not ready.</summary>
public sealed record ReadinessResult(bool Ready, string? Reason = null)
{
    public static ReadinessResult Pass { get; } = new(true);

    public static ReadinessResult Fail(string reason) => new(false, reason);
}

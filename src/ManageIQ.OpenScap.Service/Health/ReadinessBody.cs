namespace ManageIQ.OpenScap.Service.Health;

/// <summary><c>/readyz</c>'s answer: ready or not, and each check's <c>ok</c> or reason.</summary>
public sealed record ReadinessBody(bool Ready, IReadOnlyDictionary<string, string> Checks);

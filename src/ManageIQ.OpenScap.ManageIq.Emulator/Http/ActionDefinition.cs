namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>A POST action of a collection or resource and the product feature that allows it (null = any user).</summary>
public sealed record ActionDefinition(string Name, string? Feature);

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A policy profile to create; ManageIQ requires the description and defaults the name to it.</summary>
public sealed record PolicyProfileInput(string Name, string Description, string Mode = PolicyInput.ControlMode);

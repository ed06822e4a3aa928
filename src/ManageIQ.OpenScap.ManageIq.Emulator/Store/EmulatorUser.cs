namespace ManageIQ.OpenScap.ManageIq.Emulator.Store;

/// <summary>A user of the emulated appliance with the groups it may act as.</summary>
public sealed record EmulatorUser(long Id, string UserId, string Name, string Password, IReadOnlyList<string> Groups);

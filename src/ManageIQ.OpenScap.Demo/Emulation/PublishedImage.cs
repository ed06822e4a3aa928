namespace ManageIQ.OpenScap.Demo.Emulation;

/// <summary>A demo image as ManageIQ lists it after a provider refresh: its id, name, tag and the digest the registry holds.</summary>
public sealed record PublishedImage(long Id, string Repository, string Tag, string Digest);

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>Where a registry's API answers, and whether it was configured as insecure.</summary>
internal sealed record RegistryEndpoint(Uri BaseUri, bool Insecure);

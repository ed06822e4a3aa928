namespace ManageIQ.OpenScap.Vex;

/// <summary>What a conversion wrote.</summary>
/// <param name="Documents">The feed's documents.</param>
/// <param name="Statements">The feed's RPM statements about the image's RHEL major version.</param>
/// <param name="Definitions">Vulnerability definitions written for the image.</param>
/// <param name="FromCache">The feed's index was read from the cache, not parsed again.</param>
/// <param name="FeedDigest">The feed's content digest (<c>sha256:…</c>), the cache key.</param>
public sealed record VexConversion(int Documents, int Statements, int Definitions, bool FromCache, string FeedDigest);

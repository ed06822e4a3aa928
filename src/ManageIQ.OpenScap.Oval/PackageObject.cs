namespace ManageIQ.OpenScap.Oval;

/// <summary>A dpkginfo_object or rpminfo_object.</summary>
/// <param name="Database">Which package database its probe reads.</param>
/// <param name="Name">
/// The one package it names, when it names exactly one by a literal equality (no <c>var_ref</c>, no pattern or other
/// operation, no set or filter); null otherwise, and then nothing is known about what the probe collects.
/// </param>
internal sealed record PackageObject(PackageDatabase Database, string? Name);

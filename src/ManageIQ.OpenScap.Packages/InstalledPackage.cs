namespace ManageIQ.OpenScap.Packages;

/// <summary>One package of an image's package database.</summary>
/// <param name="Name">The binary package name (dpkg <c>Package:</c>, RPM <c>%{NAME}</c>).</param>
/// <param name="Version">The full version as the database gives it (dpkg <c>[epoch:]upstream[-revision]</c>; RPM <c>[epoch:]version-release</c>).</param>
/// <param name="Architecture">dpkg <c>Architecture:</c> or RPM <c>%{ARCH}</c>; empty when the database gives none.</param>
/// <param name="SourceName">The source package: dpkg <c>Source:</c> (the binary name when absent), RPM <c>%{SOURCERPM}</c>'s name.</param>
/// <param name="SourceVersion">The source version: dpkg <c>Source: name (version)</c>, else the binary's version.</param>
/// <param name="FullyInstalled">dpkg status <c>installed</c> (or no Status field, as in distroless <c>status.d</c>); every RPM header.</param>
public sealed record InstalledPackage(string Name, string Version, string Architecture, string SourceName, string SourceVersion, bool FullyInstalled = true);

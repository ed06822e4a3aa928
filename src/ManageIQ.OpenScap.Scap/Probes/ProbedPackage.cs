namespace ManageIQ.OpenScap.Scap.Probes;

/// <summary>A package an evaluated OVAL object asked a package probe about, by its literal name.</summary>
/// <param name="Probe"><c>dpkginfo</c> or <c>rpminfo</c>.</param>
/// <param name="Name">The package name the object names (operation <c>equals</c>, no variable).</param>
/// <param name="Found">True when the probe collected an item of that name.</param>
/// <param name="ProbeError">True when oscap flagged the collected object <c>error</c>: the probe failed on it.</param>
public sealed record ProbedPackage(string Probe, string Name, bool Found, bool ProbeError = false);

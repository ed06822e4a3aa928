namespace ManageIQ.OpenScap.Scap.Probes;

/// <summary>Reads which packages oscap's dpkginfo and rpminfo probes were asked about and found, in one streaming pass.</summary>
public interface IPackageProbeReader
{
    /// <exception cref="ScapFormatException">The file is not readable XML, or is over a limit.</exception>
    Task<PackageProbeObservation> ReadFileAsync(string path, CancellationToken cancellationToken);
}

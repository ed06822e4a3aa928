namespace ManageIQ.OpenScap.Vex;

/// <summary>Turns a CSAF VEX feed into OVAL <c>rpminfo</c> definitions for one image.</summary>
public interface IVexOvalConverter
{
    /// <exception cref="VexFormatException">The feed, or one of its documents, is not CSAF 2.0, is over a limit, or names no RPM of the image's RHEL version.</exception>
    Task<VexConversion> ConvertAsync(VexConversionRequest request, CancellationToken cancellationToken);
}

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Reads the parts of an SCAP data stream the scanner needs (remote checks, profiles).</summary>
public interface IDataStreamInspector
{
    /// <exception cref="InvalidDataException">The file is not a readable data stream.</exception>
    Task<DataStreamInfo> InspectAsync(string dataStreamPath, CancellationToken cancellationToken);
}

using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>
/// An operator's XCCDF 1.2 tailoring file (a provider's <c>TailoringFile</c>): its profiles, which extend the data
/// stream's, and the digest of its bytes for the content fingerprint. Read with DTDs refused and bounded in size.
/// </summary>
public sealed class OperatorTailoring
{
    /// <summary>The largest tailoring file read; SSG's own tailorings are a few kilobytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly XNamespace Xccdf = "http://checklists.nist.gov/xccdf/1.2";

    private OperatorTailoring(string path, string contentDigest, IReadOnlyDictionary<string, XElement> profiles)
    {
        Path = path;
        ContentDigest = contentDigest;
        Profiles = profiles;
    }

    public string Path { get; }

    /// <summary><c>sha256:</c> and the hex digest of the file's bytes.</summary>
    public string ContentDigest { get; }

    /// <summary>The file's profiles by id.</summary>
    public IReadOnlyDictionary<string, XElement> Profiles { get; }

    /// <exception cref="InvalidDataException">The file is missing, too large, not XML, or not an XCCDF 1.2 Tailoring with a profile.</exception>
    public static OperatorTailoring Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                throw new InvalidDataException(info.Exists
                    ? $"The tailoring file {path} has {info.Length} bytes; the most is {MaxBytes}."
                    : $"The tailoring file {path} does not exist.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The tailoring file {path} is not readable: {e.Message}", e);
        }

        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"The tailoring file {path} is not XML (line {e.LineNumber}): {e.Message}", e);
        }

        if (document.Root?.Name != Xccdf + "Tailoring")
        {
            throw new InvalidDataException($"The tailoring file {path} is not an XCCDF 1.2 Tailoring ({Xccdf.NamespaceName}); its root is {document.Root?.Name}.");
        }

        var profiles = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var profile in document.Root.Elements(Xccdf + "Profile"))
        {
            var id = (string?)profile.Attribute("id");
            if (string.IsNullOrEmpty(id) || !profiles.TryAdd(id, profile))
            {
                throw new InvalidDataException($"The tailoring file {path} has a profile without an id, or two with id '{id}'.");
            }
        }

        return profiles.Count == 0
            ? throw new InvalidDataException($"The tailoring file {path} has no Profile.")
            : new OperatorTailoring(path, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), profiles);
    }

    /// <summary>The data stream with this file's profiles beside (and over) its own, as oscap sees them with <c>--tailoring-file</c>.</summary>
    public DataStreamInfo Over(DataStreamInfo dataStream)
    {
        ArgumentNullException.ThrowIfNull(dataStream);
        var merged = new Dictionary<string, XElement>(dataStream.Profiles, StringComparer.Ordinal);
        foreach (var (id, profile) in Profiles)
        {
            merged[id] = profile;
        }

        return dataStream with { Profiles = merged };
    }
}

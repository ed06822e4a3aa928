namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>Seconds spent per stage (pull and unpack overlap).</summary>
public sealed record TimingsMetadata(double Resolve, double Pull, double Unpack, double Acquire, double Content, double Oscap, double Report, double Summary, double Total);

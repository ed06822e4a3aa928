namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>Seconds spent per stage (pull and unpack overlap; summary and HTML report overlap). <c>Ready</c>: ARF and summary written.</summary>
public sealed record TimingsMetadata(double Resolve, double Pull, double Unpack, double Acquire, double Content, double Oscap, double Report, double Summary, double Ready, double Total);

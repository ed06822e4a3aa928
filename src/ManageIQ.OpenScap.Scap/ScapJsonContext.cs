using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Source-generated JSON metadata for <see cref="ScapSummaryJson"/>: reading; <see cref="ScapJsonWriteContext"/> writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ScapSummary))]
internal sealed partial class ScapJsonContext : JsonSerializerContext;

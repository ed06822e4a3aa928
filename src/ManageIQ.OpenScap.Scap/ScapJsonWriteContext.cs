using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// What <see cref="ScapSummaryJson.Serialize"/> writes with: the same options as <see cref="ScapJsonContext"/>,
/// generated as the serialize-only fast path, which writes straight to the Utf8JsonWriter and builds no property
/// metadata. In a fresh process (report summarize, once per ARF) the metadata took about 0.1 s of start-up on a
/// summary of any size. The fast path is synchronous: SerializeAsync and reading use <see cref="ScapJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ScapSummary))]
internal sealed partial class ScapJsonWriteContext : JsonSerializerContext;

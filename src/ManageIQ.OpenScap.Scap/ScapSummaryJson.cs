using System.Text.Json;

namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// The JSON form of a <see cref="ScapSummary"/>: the object <c>report summarize --format json</c> prints, the
/// scanning inspector serves at <c>/api/v1/summary</c> and the orchestrator reads back. Property names are
/// camelCase (<c>kind</c>, <c>benchmark</c>, <c>profile</c>, <c>target</c>, <c>ruleResults</c>, <c>results</c>,
/// <c>failedBySeverity</c>, <c>failedRules</c>, <c>cves</c>, ...); enums are lower-case strings.
/// </summary>
public static class ScapSummaryJson
{
    /// <summary>The media type to serve the JSON with.</summary>
    public const string MediaType = "application/json";

    public static string Serialize(ScapSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.Serialize(summary, ScapJsonWriteContext.Default.ScapSummary);
    }

    /// <summary>The UTF-8 bytes of <see cref="Serialize"/>'s text.</summary>
    public static byte[] SerializeToUtf8Bytes(ScapSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.SerializeToUtf8Bytes(summary, ScapJsonWriteContext.Default.ScapSummary);
    }

    /// <summary>Streams the same text as <see cref="Serialize"/> (by the metadata: the fast path is synchronous only).</summary>
    public static Task SerializeAsync(Stream output, ScapSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return JsonSerializer.SerializeAsync(output, summary, ScapJsonContext.Default.ScapSummary, cancellationToken);
    }

    /// <exception cref="JsonException">The text is not a summary object.</exception>
    public static ScapSummary Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, ScapJsonContext.Default.ScapSummary)
            ?? throw new JsonException("The JSON text is null, not a summary object.");
    }

    /// <exception cref="JsonException">The stream does not hold a summary object.</exception>
    public static async Task<ScapSummary> DeserializeAsync(Stream input, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(input, ScapJsonContext.Default.ScapSummary, cancellationToken)
            ?? throw new JsonException("The JSON text is null, not a summary object.");
}

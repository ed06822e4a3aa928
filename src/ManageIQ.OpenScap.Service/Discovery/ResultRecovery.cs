using System.Collections.Concurrent;
using System.Globalization;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Service.Logging;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary>
/// The last results ManageIQ holds, for images the store does not know (first start, lost volume): read once per
/// provider and process, in pages of the image listing with <c>attributes=custom_attributes</c>, from
/// <c>openscap_digest</c>, <c>openscap_content</c>, <c>openscap_scanned_on</c> (and the distribution and status).
/// </summary>
public sealed class ResultRecovery
{
    private readonly IManageIqClient _client;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Lazy<Task<IReadOnlyDictionary<long, LastResult>>>> _byProvider = new();

    public ResultRecovery(IManageIqClient client, ILogger<ResultRecovery> logger)
    {
        _client = client;
        _logger = logger;
    }

    /// <summary>The image's last result as ManageIQ holds it; null when it holds none (or could not be read).</summary>
    public async Task<LastResult?> FindAsync(long providerId, long imageId, CancellationToken cancellationToken)
    {
        var lazy = _byProvider.GetOrAdd(providerId, id => new Lazy<Task<IReadOnlyDictionary<long, LastResult>>>(() => ReadAsync(id, cancellationToken)));
        try
        {
            var results = await lazy.Value.ConfigureAwait(false);
            return results.GetValueOrDefault(imageId);
        }
        catch (OperationCanceledException)
        {
            _byProvider.TryRemove(providerId, out _);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<long, LastResult>> ReadAsync(long providerId, CancellationToken cancellationToken)
    {
        var results = new Dictionary<long, LastResult>();
        try
        {
            await foreach (var row in _client.GetContainerImageAttributesAsync(new ContainerImageQuery { ProviderId = providerId }, cancellationToken).ConfigureAwait(false))
            {
                if (FromAttributes(row.CustomAttributes) is { } result)
                {
                    results[row.Id] = result;
                }
            }
        }
        catch (ManageIq.Errors.ManageIqException e)
        {
            // Read again at the next discovery instead of trusting a partial answer.
            _byProvider.TryRemove(providerId, out _);
            Log.RecoveryFailed(_logger, providerId, e.Message);
            return results;
        }

        Log.Recovered(_logger, providerId, results.Count);
        return results;
    }

    /// <summary>The last result the <c>openscap_</c> attributes describe; null when they describe none.</summary>
    public static LastResult? FromAttributes(IReadOnlyList<CustomAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        string? Value(string name) => attributes.FirstOrDefault(a => a.Name == name && a.Section != "labels")?.Value;
        var content = Value(OpenScapAttributeNames.Content);
        if (string.IsNullOrEmpty(content)
            || !DateTimeOffset.TryParse(Value(OpenScapAttributeNames.ScannedOn), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var scannedOn))
        {
            return null;
        }

        return new LastResult(Value(OpenScapAttributeNames.Digest), content, scannedOn, Value(OpenScapAttributeNames.Distribution), Value(OpenScapAttributeNames.Status) ?? string.Empty);
    }
}

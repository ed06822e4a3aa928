using System.Net;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Logging;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.Outbox;

/// <summary>
/// <see cref="IOutboxPublisher"/> over <see cref="IManageIqClient"/>. Within one delivery the client retries
/// (the upsert and deletes by name are repeatable); a delivery that still fails stays in the outbox with its
/// attempt counted and its next attempt put off by the project's <see cref="Backoff"/>.
/// </summary>
public sealed class OutboxPublisher : IOutboxPublisher, IDisposable
{
    private readonly IResultStore _store;
    private readonly IManageIqClient _client;
    private readonly OutboxOptions _options;
    private readonly Failpoints _failpoints;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StripedGate _gate = new(64);

    public OutboxPublisher(IResultStore store, IManageIqClient client, IOptions<StateStoreOptions> options, Failpoints failpoints, TimeProvider time, ILogger<OutboxPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _client = client;
        _options = options.Value.Outbox;
        _failpoints = failpoints;
        _time = time;
        _logger = logger;
    }

    public Task<DeliveryOutcome> DeliverAsync(long imageId, CancellationToken cancellationToken = default) =>
        DeliverOneAsync(imageId, currentAttributes: null, cancellationToken);

    public Task<DeliveryOutcome> DeliverAsync(long imageId, IReadOnlyList<CustomAttribute> currentAttributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentAttributes);
        return DeliverOneAsync(imageId, currentAttributes, cancellationToken);
    }

    public Task<DeliveryReport> DeliverDueAsync(CancellationToken cancellationToken = default) =>
        DeliverDueAsync(_time.GetUtcNow(), cancellationToken);

    public async Task<DeliveryReport> DeliverDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default)
    {
        var now = dueBy;
        var due = await _store.ListDueAsync(now, _options.MaxEntriesPerPass, cancellationToken);
        var outcomes = new List<DeliveryOutcome>();
        for (var i = 0; i < due.Count; i++)
        {
            DeliveryOutcome outcome;
            using (await _gate.EnterAsync(due[i], cancellationToken))
            {
                // Delivered or put off by another caller since the listing.
                if (await _store.GetOutboxEntryAsync(due[i], cancellationToken) is not { } entry || entry.NextAttemptOn > now)
                {
                    continue;
                }

                outcome = await DeliverEntryAsync(entry, cancellationToken);
            }

            outcomes.Add(outcome);
            if (outcome.Status == DeliveryStatus.Unreachable)
            {
                var report = new DeliveryReport(outcomes, due.Count - i - 1);
                Log.PassStopped(_logger, report.Delivered, report.Left);
                return report;
            }
        }

        return new DeliveryReport(outcomes, 0);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<DeliveryOutcome> DeliverOneAsync(long imageId, IReadOnlyList<CustomAttribute>? currentAttributes, CancellationToken cancellationToken)
    {
        using (await _gate.EnterAsync(imageId, cancellationToken))
        {
            var entry = await _store.GetOutboxEntryAsync(imageId, cancellationToken);
            return entry is null ? new DeliveryOutcome(imageId, DeliveryStatus.NothingWaiting) : await DeliverEntryAsync(entry, cancellationToken, currentAttributes);
        }
    }

    private async Task<DeliveryOutcome> DeliverEntryAsync(OutboxEntry entry, CancellationToken cancellationToken, IReadOnlyList<CustomAttribute>? currentAttributes = null)
    {
        var imageId = entry.ImageId;
        var requests = 0;
        var attributesRead = currentAttributes is not null;
        try
        {
            var current = currentAttributes;
            if (current is null)
            {
                current = await _client.GetCustomAttributesAsync(imageId, cancellationToken);
                requests++;
                attributesRead = true;
            }

            var plan = AttributePlan.Create(entry.Result.Record.Attributes, current);
            foreach (var collision in plan.Collisions)
            {
                Log.SectionCollision(_logger, imageId, collision.Name, collision.Section ?? string.Empty);
            }

            await _failpoints.HitAsync(Failpoints.BeforePost, cancellationToken);
            if (plan.Upserts.Count > 0)
            {
                var written = await _client.AddCustomAttributesAsync(imageId, plan.Upserts, cancellationToken);
                requests++;
                if (written.Count != plan.Upserts.Count)
                {
                    throw new ManageIqResponseException($"ManageIQ answered the upsert of {plan.Upserts.Count} attributes of image {imageId} with {written.Count} results.") { StatusCode = HttpStatusCode.OK };
                }
            }

            await _failpoints.HitAsync(Failpoints.AfterUpsert, cancellationToken);
            if (plan.Deletes.Count > 0)
            {
                await _client.DeleteCustomAttributesAsync(imageId, [.. plan.Deletes.Select(n => CustomAttributeReference.ByName(n, CustomAttributeInput.MetadataSection))], cancellationToken);
                requests++;
            }

            await _failpoints.HitAsync(Failpoints.BeforeMark, cancellationToken);
            if (!await _store.MarkDeliveredAsync(imageId, entry.Seq, CancellationToken.None))
            {
                Log.NewerWaiting(_logger, entry.Seq, imageId, (await _store.GetOutboxEntryAsync(imageId, CancellationToken.None))?.Seq);
            }

            Log.Delivered(_logger, entry.Seq, imageId, plan.Upserts.Count, plan.Deletes.Count, requests);
            return new DeliveryOutcome(imageId, DeliveryStatus.Delivered)
            {
                Seq = entry.Seq,
                Requests = requests,
                Upserted = plan.Upserts.Count,
                Deleted = plan.Deletes.Count,
                Skipped = [.. plan.Collisions.Select(c => c.Name)],
            };
        }
        catch (ManageIqException e)
        {
            return await FailedAsync(entry, Classify(e, attributesRead), e.Message, requests);
        }
    }

    private async Task<DeliveryOutcome> FailedAsync(OutboxEntry entry, DeliveryStatus status, string reason, int requests)
    {
        var outcome = new DeliveryOutcome(entry.ImageId, status) { Seq = entry.Seq, Requests = requests, Error = reason };

        // The failure is stored even when the caller is being cancelled: the attempt happened.
        if (status == DeliveryStatus.Abandoned)
        {
            await _store.AbandonAsync(entry.ImageId, entry.Seq, CancellationToken.None);
            Log.Abandoned(_logger, entry.ImageId, entry.Seq, reason);
            return outcome;
        }

        var attempt = entry.Attempts + 1;
        var next = _time.GetUtcNow() + Backoff.Delay(attempt, _options.RetryBaseDelay, _options.RetryMaxDelay);
        await _store.MarkFailedAsync(entry.ImageId, entry.Seq, reason, next, CancellationToken.None);
        if (status == DeliveryStatus.Unreachable)
        {
            Log.Unreachable(_logger, entry.Seq, entry.ImageId, attempt, reason, next);
        }
        else
        {
            Log.Rejected(_logger, entry.Seq, entry.ImageId, attempt, reason, next);
        }

        return outcome with { NextAttemptOn = next };
    }

    /// <summary>No usable answer is "unreachable"; ManageIQ's own 404 to the attribute read means the image is gone.</summary>
    private static DeliveryStatus Classify(ManageIqException e, bool attributesRead) => e switch
    {
        ManageIqTransportException => DeliveryStatus.Unreachable,
        ManageIqResponseException { StatusCode: >= HttpStatusCode.InternalServerError } => DeliveryStatus.Unreachable,
        ManageIqApiException { StatusCode: >= HttpStatusCode.InternalServerError } => DeliveryStatus.Unreachable,
        ManageIqApiException { StatusCode: HttpStatusCode.NotFound } when !attributesRead => DeliveryStatus.Abandoned,
        _ => DeliveryStatus.Rejected,
    };
}

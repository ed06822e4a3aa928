using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Http;
using ManageIQ.OpenScap.ManageIq.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// <see cref="IManageIqProbe"/> over the client's own connection (its token, TLS, group and retries), bounded as a
/// whole by <see cref="ManageIqProbeOptions.Deadline"/>. Each refusal is one line naming what was found and what is needed.
/// </summary>
internal sealed class ManageIqStartupProbe : IManageIqProbe
{
    private static readonly ApiRequest Entrypoint = ApiRequest.Get("api", new KeyValuePair<string, string>("attributes", "authorization"));
    private static readonly string Request = Entrypoint.Describe + "?attributes=authorization";

    private readonly ManageIqConnection _connection;
    private readonly ManageIqProbeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _appliance;

    public ManageIqStartupProbe(ManageIqConnection connection, IOptions<ManageIqProbeOptions> options, TimeProvider time, ILogger<ManageIqStartupProbe> logger)
    {
        _connection = connection;
        _options = options.Value;
        _time = time;
        _logger = logger;

        // Scheme, host, port and path: never a user name or password written into the URL.
        _appliance = $"{connection.Root.Scheme}://{connection.Root.Authority}{connection.Root.AbsolutePath}";
    }

    public Task<ManageIqProbeResult> ProbeAsync(ManageIqCapabilities capabilities, CancellationToken cancellationToken = default) =>
        ProbeAsync(capabilities, ManageIqCapabilities.None, cancellationToken);

    public async Task<ManageIqProbeResult> ProbeAsync(ManageIqCapabilities capabilities, ManageIqCapabilities reported, CancellationToken cancellationToken = default)
    {
        if (capabilities == ManageIqCapabilities.None || (capabilities & ~ManageIqCapabilities.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capabilities), capabilities, "Name at least one known capability.");
        }

        if ((reported & ~ManageIqCapabilities.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reported), reported, "Name only known capabilities.");
        }

        var described = ManageIqFeatures.Describe(capabilities);
        Log.Probing(_logger, _appliance, described);

        var result = await ProbeWithinDeadlineAsync(capabilities, reported & ~capabilities, cancellationToken).ConfigureAwait(false);
        if (result.IsReady)
        {
            Log.ProbeReady(_logger, result.Message);
            if (result.MissingFeatures.Count > 0 && result.Identity is { } identity)
            {
                Log.ReportedFeaturesMissing(_logger, ProbeMessages.Lacking(identity, result.MissingFeatures));
            }
        }
        else
        {
            Log.ProbeRefused(_logger, result.Outcome, result.Message);
        }

        return result;
    }

    private async Task<ManageIqProbeResult> ProbeWithinDeadlineAsync(ManageIqCapabilities capabilities, ManageIqCapabilities reported, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.Deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var answer = await _connection.SendAsync(Entrypoint, linked.Token).ConfigureAwait(false);
            return Judge(capabilities, reported, ManageIqEntrypoint.Read(answer, Request));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(capabilities, ManageIqProbeOutcome.Unreachable, $"ManageIQ at {_appliance} did not answer {Request} within {_options.Deadline} ({ManageIqProbeOptions.SectionName}:{nameof(ManageIqProbeOptions.Deadline)}).");
        }
        catch (ManageIqException e) when (IsGatewayFailure(e))
        {
            // A proxy or load balancer answering for an appliance that is (re)starting: not a refusal.
            return Failed(capabilities, ManageIqProbeOutcome.Unreachable, $"ManageIQ at {_appliance} is not available behind its gateway: {e.Message}");
        }
        catch (ManageIqTransportException e)
        {
            return Failed(capabilities, ManageIqProbeOutcome.Unreachable, $"ManageIQ at {_appliance} cannot be reached: {e.Message}");
        }
        catch (ManageIqResponseException e)
        {
            return Failed(capabilities, ManageIqProbeOutcome.InvalidAnswer, $"ManageIQ at {_appliance} gave an answer the bridge cannot use: {e.Message}");
        }
        catch (ManageIqException e)
        {
            return Failed(capabilities, ManageIqProbeOutcome.Refused, $"ManageIQ at {_appliance} refused the bridge: {e.Message}");
        }
    }

    private static bool IsGatewayFailure(ManageIqException e) =>
        (e switch
        {
            ManageIqResponseException r => r.StatusCode,
            ManageIqApiException a => a.StatusCode,
            _ => (System.Net.HttpStatusCode?)null,
        }) is System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.GatewayTimeout;

    private ManageIqProbeResult Judge(ManageIqCapabilities capabilities, ManageIqCapabilities reported, ManageIqEntrypoint entrypoint)
    {
        var found = new ManageIqProbeResult
        {
            Outcome = ManageIqProbeOutcome.Ready,
            Message = string.Empty,
            Capabilities = capabilities,
            CheckedAt = _time.GetUtcNow(),
            ApiVersion = entrypoint.Version,
            ServerVersion = entrypoint.ServerVersion,
            Identity = entrypoint.Identity,
        };
        if (!ManageIqApiVersion.TryParse(entrypoint.Version, out var version))
        {
            return found with { Outcome = ManageIqProbeOutcome.InvalidAnswer, Message = $"ManageIQ at {_appliance} reports API version '{entrypoint.Version}', which is not a version number." };
        }

        if (!SupportedManageIq.Supports(version!))
        {
            return found with { Outcome = ManageIqProbeOutcome.UnsupportedVersion, Message = ProbeMessages.BelowFloor(_appliance, entrypoint) };
        }

        if (entrypoint.ProductFeatures is not { } granted)
        {
            return found with { Outcome = ManageIqProbeOutcome.InvalidAnswer, Message = $"ManageIQ at {_appliance} answered {Request} without authorization.product_features, so the user's product features cannot be checked." };
        }

        var missing = ManageIqFeatures.Missing(capabilities, granted);

        // Only what is also missing of the reported capabilities, each call once.
        var alsoMissing = ManageIqFeatures.Missing(reported, granted).Where(r => !ManageIqFeatures.For(capabilities).Any(c => c.Method == r.Method && c.Path == r.Path && c.Action == r.Action)).ToList();
        return missing.Count > 0
            ? found with { Outcome = ManageIqProbeOutcome.MissingFeatures, Message = ProbeMessages.Lacking(entrypoint.Identity, missing), MissingFeatures = missing }
            : found with { Message = ProbeMessages.Ready(_appliance, entrypoint, capabilities), MissingFeatures = alsoMissing };
    }

    private ManageIqProbeResult Failed(ManageIqCapabilities capabilities, ManageIqProbeOutcome outcome, string message) => new()
    {
        Outcome = outcome,
        Message = message.ReplaceLineEndings(" "),
        Capabilities = capabilities,
        CheckedAt = _time.GetUtcNow(),
    };
}

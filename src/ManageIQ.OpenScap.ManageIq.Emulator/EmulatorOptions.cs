using System.Net;
using ManageIQ.OpenScap.ManageIq.Emulator.Handlers;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator;

/// <summary>How to start a <see cref="ManageIqEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The address to bind; loopback unless told otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; }

    /// <summary>The seed document; null loads the embedded default (admin / smartvm, an OpenShift and a Kubernetes provider).</summary>
    public JObject? Seed { get; init; }

    /// <summary>ManageIQ's <c>api.token_ttl</c> (10 minutes).</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The API version the entrypoint reports (<c>version</c>, <c>versions</c>) and the only one a version segment
    /// (<c>/api/vX</c>) may name; ManageIQ's master reports 4.4.0-pre. Set it to emulate an older appliance's answer.
    /// Only what the entrypoint says changes: the collections and subcollections stay master's.
    /// </summary>
    public string ApiVersion { get; init; } = EntrypointHandler.DefaultVersion;

    /// <summary>ManageIQ's <c>api.max_results_per_page</c> (1000).</summary>
    public int MaxResultsPerPage { get; init; } = 1000;

    /// <summary>Serve the <c>/emulator</c> control routes (request log, faults, images); off, those paths are 404 like any unknown one.</summary>
    public bool Control { get; init; }

    /// <summary>The clock for token expiry and timestamps; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

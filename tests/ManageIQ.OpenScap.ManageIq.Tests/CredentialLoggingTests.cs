using System.Net;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Tests;

/// <summary>Target: no credential string in the logs at any level, nor in any exception the client throws.</summary>
[CancelAfter(60_000)]
public sealed class CredentialLoggingTests
{
    private const string User = "scanner";
    private const string Password = "Zq9-unlikely-Pa55word";
    private const string BadToken = "feedfacefeedfacefeedfacefeedface";

    [Test]
    public async Task EveryPath_AtTrace_LogsAndExceptionsHoldNoCredential()
    {
        var seed = Seeds.Default();
        ((JArray)seed["users"]!).Add(new JObject { ["id"] = 3, ["userid"] = User, ["name"] = "Scanner", ["password"] = Password, ["groups"] = new JArray("EvmGroup-super_administrator") });
        await using var h = await ClientHarness.StartAsync(
            configure: o =>
            {
                o.User = User;
                o.Password = Password;
                o.Token = BadToken;
                o.MaxRetries = 1;
            },
            emulatorOptions: new EmulatorOptions { Seed = seed });
        var exceptions = new List<Exception>();

        // Rejected pre-issued token, Basic fallback, reads, paging, writes, retries, 4xx, 5xx, expiry, drops.
        await h.Client.GetContainerImageAsync(1);
        await ClientHarness.ToListAsync(h.Client.GetContainerImagesAsync());
        await h.Client.AddCustomAttributesAsync(1, [new CustomAttributeInput("openscap_failed_high", "1")]);
        h.Emulator.Faults.ExpireTokensBeforeNext();
        await h.Client.GetCustomAttributesAsync(1);
        h.Emulator.Faults.FailNext(HttpStatusCode.BadGateway, "GET", times: 5);
        exceptions.Add(Assert.CatchAsync(() => h.Client.GetContainerImageAsync(1))!);
        exceptions.Add(Assert.CatchAsync(() => h.Client.GetContainerImageAsync(424242))!);
        h.Emulator.Faults.DropNext("POST");
        exceptions.Add(Assert.CatchAsync(() => h.Client.ScanContainerImageAsync(1))!);
        exceptions.Add(Assert.CatchAsync(() => h.Client.CheckComplianceAsync(1))!);

        await using var wrong = await ClientHarness.StartAsync(configure: o =>
        {
            o.User = User;
            o.Password = Password + "x";
        });
        exceptions.Add(Assert.CatchAsync<ManageIqApiException>(() => wrong.Client.GetContainerImageAsync(1))!);
        await using var tokenOnly = await ClientHarness.StartAsync(configure: o =>
        {
            o.User = null;
            o.Password = null;
            o.Token = BadToken;
        });
        exceptions.Add(Assert.CatchAsync<ManageIqApiException>(() => tokenOnly.Client.GetContainerImageAsync(1))!);

        var secrets = new List<string>
        {
            Password,
            BadToken,
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}x")),
        };
        secrets.AddRange(h.Emulator.IssuedTokens);
        secrets.AddRange(wrong.Emulator.IssuedTokens);
        Assert.That(h.Emulator.IssuedTokens, Has.Count.GreaterThanOrEqualTo(2), "tokens were issued and renewed during the run");

        var records = h.Logs.GetSnapshot().Concat(wrong.Logs.GetSnapshot()).Concat(tokenOnly.Logs.GetSnapshot()).ToList();
        Assert.That(records.Select(r => r.Level).Distinct(), Is.SupersetOf(new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning }));
        var texts = records.Select(r => string.Join("|", r.Message, r.Exception?.ToString(), string.Join(",", r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []), string.Join(",", r.Scopes)))
            .Concat(exceptions.Select(e => e.ToString()))
            .ToList();
        foreach (var secret in secrets)
        {
            Assert.That(texts.Where(t => t.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a credential of length {secret.Length} leaked");
        }
    }
}

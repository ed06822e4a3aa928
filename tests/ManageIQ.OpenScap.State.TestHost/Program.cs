using System.Globalization;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.State;
using ManageIQ.OpenScap.State.Outbox;
using ManageIQ.OpenScap.State.Results;
using ManageIQ.OpenScap.State.TestHost;
using Microsoft.Extensions.DependencyInjection;

// publish --state DIR --miq URL --result FILE [--retry-base-ms N]: records the result, then posts it.
// deliver --state DIR --miq URL --image ID: posts the image's waiting result (a restart after a kill).
// Prints "recorded SEQ DISPOSITION" and "delivery STATUS REQUESTS"; exits 0 when delivered, 3 otherwise.
// hold-lock --state DIR: takes the single-active file lock, prints "locked IDENTITY", holds it until SIGTERM.
var command = args.Length > 0 ? args[0] : string.Empty;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (command == "hold-lock")
{
    return await LockHolderCommand.RunAsync(options["--state"]);
}

var services = new ServiceCollection();
services.AddManageIqClient(o =>
{
    o.BaseUrl = new Uri(options["--miq"]);
    o.User = "admin";
    o.Password = "smartvm";
    o.RequestTimeout = TimeSpan.FromSeconds(20);
    o.RetryBaseDelay = TimeSpan.FromMilliseconds(options.TryGetValue("--retry-base-ms", out var retry) ? int.Parse(retry, CultureInfo.InvariantCulture) : 10);
    o.RetryMaxDelay = o.RetryBaseDelay * 4;
});
services.AddStateStore(o => o.StateDirectory = options["--state"]);
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IResultStore>();
var publisher = provider.GetRequiredService<IOutboxPublisher>();

long imageId;
switch (command)
{
    case "publish":
        var result = ResultFile.Read(options["--result"]);
        var recorded = await store.RecordAsync(result);
        Console.WriteLine($"recorded {recorded.Seq} {recorded.Disposition}");
        imageId = result.ImageId;
        break;
    case "deliver":
        imageId = long.Parse(options["--image"], CultureInfo.InvariantCulture);
        break;
    default:
        await Console.Error.WriteLineAsync($"unknown command '{command}': publish or deliver");
        return 2;
}

var outcome = await publisher.DeliverAsync(imageId);
Console.WriteLine($"delivery {outcome.Status} {outcome.Requests} {outcome.Error}");
return outcome.Status == DeliveryStatus.Delivered ? 0 : 3;

using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.ManageIq.Benchmarks;

/// <summary>An in-process emulator seeded with 50,000 images of 10 providers, and the real client pointed at it.</summary>
public sealed class ListingFixture : IAsyncDisposable
{
    public const int Providers = 10;
    public const int Images = 50_000;

    private ServiceProvider? _services;
    private ServiceProvider? _sequentialServices;

    public ManageIqEmulator Emulator { get; private set; } = null!;

    public IManageIqClient Client { get; private set; } = null!;

    /// <summary>The same client with <c>ReadAhead</c> off: one page after another.</summary>
    public IManageIqClient SequentialClient { get; private set; } = null!;

    public async Task StartAsync()
    {
        Emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = GeneratedSeed.Create(Providers, Images) });
        _services = Services(readAhead: true);
        Client = _services.GetRequiredService<IManageIqClient>();
        _sequentialServices = Services(readAhead: false);
        SequentialClient = _sequentialServices.GetRequiredService<IManageIqClient>();
    }

    private ServiceProvider Services(bool readAhead)
    {
        var services = new ServiceCollection();
        services.AddManageIqClient(o =>
        {
            o.BaseUrl = Emulator.BaseUri;
            o.User = "admin";
            o.Password = "smartvm";
            o.ReadAhead = readAhead;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The bridge's way: one paged listing (at most 1000 per page).</summary>
    public async Task<int> ListPagedAsync()
    {
        var count = 0;
        await foreach (var image in Client.GetContainerImagesAsync())
        {
            count += image.Id > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>A listing whose consumer spends <paramref name="perPage"/> on every 1000 images (storing them, say).</summary>
    public static async Task<int> ListSlowlyAsync(IManageIqClient client, TimeSpan perPage)
    {
        var count = 0;
        await foreach (var image in client.GetContainerImagesAsync())
        {
            count += image.Id > 0 ? 1 : 0;
            if (count % 1000 == 0 && perPage > TimeSpan.Zero)
            {
                await Task.Delay(perPage);
            }
        }

        return count;
    }

    /// <summary>The peer: one GET per image id, the same attributes as the listing.</summary>
    public async Task<int> GetEachImageAsync()
    {
        var count = 0;
        for (var id = 1; id <= Images; id++)
        {
            var image = await Client.GetContainerImageAsync(id);
            count += image.Id == id ? 1 : 0;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_sequentialServices is not null)
        {
            await _sequentialServices.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}

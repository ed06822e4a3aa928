using ManageIQ.OpenScap.Inspector.CommandLine;
using ManageIQ.OpenScap.Inspector.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.Hosting;

namespace ManageIQ.OpenScap.Inspector.Serving;

/// <summary>Serve mode: listen at once, scan in the background, answer until stopped.</summary>
public static class ServeMode
{
    /// <summary>Builds the web application: Kestrel on <c>--serve</c>, the token check, the endpoints, the background scan.</summary>
    public static WebApplication Build(InspectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var address = settings.Serve ?? throw new ArgumentException("Serve mode needs --serve.", nameof(settings));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInspectorConfiguration(settings);
        builder.Logging.AddFilter(ScanHost.HostCategory, LogLevel.None);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address.Address, address.Port));
        builder.Services.AddInspector(builder.Configuration, settings);
        builder.Services.AddHostedService<InspectionWorker>();
        var app = builder.Build();
        if (settings.AuthToken is { } token)
        {
            app.UseMiddleware<AuthTokenMiddleware>(token);
        }
        else
        {
            Log.NoAuthToken(app.Logger);
        }

        app.MapInspectorEndpoints();
        return app;
    }

    /// <summary>The address the server actually listens on (port 0 becomes the real port).</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server has no address."));
    }

    public static async Task<int> RunAsync(InspectorSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        WebApplication app;
        try
        {
            app = Build(settings);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StartupErrors.IsConfigurationError(e) || e is IOException)
        {
            await error.WriteLineAsync(StartupErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.InvalidArguments;
        }

        await using (app.ConfigureAwait(false))
        {
            await error.WriteLineAsync("Serving on " + ListeningAddress(app)).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}

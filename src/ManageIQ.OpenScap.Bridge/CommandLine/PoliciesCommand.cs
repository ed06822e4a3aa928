using System.CommandLine;
using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Export;
using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.Scanner.Hosting;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>policies register|assign|export|unregister</c>: the bridge's Control profiles in ManageIQ (docs/control.md).
/// Exit 0 when everything is as the policy files say, 11 on a conflict with an object the bridge does not own,
/// 10 when ManageIQ refused a request, 9 when it did not answer, 1 for a bad file or flag.
/// </summary>
internal static class PoliciesCommand
{
    public static Command Create()
    {
        var command = new Command("policies", "Register the bridge's Control policy profiles in ManageIQ, assign, export or remove them.");
        command.Subcommands.Add(Register());
        command.Subcommands.Add(Assign());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Unregister());
        return command;
    }

    private static Option<FileInfo?> ConfigOption() => new(InspectorFlagNames.ConfigFile) { Description = "A JSON configuration file (appsettings shape); also MANAGEIQ_OPENSCAP_CONFIG." };

    private static Option<DirectoryInfo?> DirectoryOption() => new("--directory") { Description = "The directory of policy files (Bridge:Policies:Directory); default: the policies shipped with the bridge." };

    private static Command Register()
    {
        var config = ConfigOption();
        var directory = DirectoryOption();
        var reports = new Option<bool>("--reports") { Description = "Also import the reports of <policies>/reports through the API, and check that the widgets of <policies>/widgets were imported (the API cannot create widgets)." };
        var command = new Command("register", "Create or update the conditions, policies and profiles of the policy files; objects the bridge does not own are never changed.") { config, directory, reports };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, directory, async (services, output, _) =>
        {
            var report = await services.GetRequiredService<IPolicyRegistrar>().RegisterAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(reports))
            {
                report.Include(await services.GetRequiredService<ReportRegistrar>().RegisterAsync(cancellationToken).ConfigureAwait(false));
            }

            return await PrintAsync(report, output).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    private static Command Assign()
    {
        var config = ConfigOption();
        var directory = DirectoryOption();
        var provider = new Option<long[]>("--provider") { Description = "ManageIQ id of a provider to assign the profile to (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var profile = new Option<string?>("--profile") { Description = $"The profile's name (default Bridge:Policies:AssignProfile, '{BridgePoliciesOptions.DefaultProfile}')." };
        var command = new Command("assign", "Assign a registered profile of the bridge to providers, as the UI's Policy > Manage Policies does.") { config, directory, provider, profile };
        command.Validators.Add(result =>
        {
            if (result.GetValue(provider) is { } ids && ids.Any(id => id <= 0))
            {
                result.AddError("--provider must be a positive ManageIQ id.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, directory, async (services, output, _) =>
        {
            var report = await services.GetRequiredService<IPolicyRegistrar>().AssignAsync(parse.GetValue(provider)!, parse.GetValue(profile), cancellationToken).ConfigureAwait(false);
            return await PrintAsync(report, output).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    private static Command Export()
    {
        var config = ConfigOption();
        var directory = DirectoryOption();
        var profile = new Option<string?>("--profile") { Description = "Export only the profile of this name." };
        var command = new Command("export", "Print what ManageIQ's Control export would write for the registered profiles (YAML, importable).") { config, directory, profile };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, directory, async (services, output, _) =>
        {
            var sources = services.GetRequiredService<IPolicyRegistrar>().LoadSources();
            var yaml = await services.GetRequiredService<PolicyExporter>().ExportAsync(sources, parse.GetValue(profile), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(yaml).ConfigureAwait(false);
            return ExitCodes.Passed;
        }, cancellationToken));
        return command;
    }

    private static Command Unregister()
    {
        var config = ConfigOption();
        var purge = new Option<bool>("--purge-attributes") { Description = "Also delete every openscap_ custom attribute of every container image (asks first)." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask before --purge-attributes." };
        var command = new Command("unregister", "Unassign and delete every Control object that carries the bridge's ownership mark; nothing else.") { config, purge, yes };
        command.Validators.Add(result =>
        {
            if (result.GetValue(yes) && !result.GetValue(purge))
            {
                result.AddError("--yes only confirms --purge-attributes.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(parse, config, null, async (services, output, error) =>
        {
            if (parse.GetValue(purge) && !parse.GetValue(yes) && !await ConfirmAsync(error).ConfigureAwait(false))
            {
                await error.WriteLineAsync("Not confirmed: nothing was removed.").ConfigureAwait(false);
                return ExitCodes.InvalidArguments;
            }

            var unregistrar = services.GetRequiredService<PolicyUnregistrar>();
            var code = await PrintAsync(await unregistrar.UnregisterAsync(cancellationToken).ConfigureAwait(false), output).ConfigureAwait(false);
            if (parse.GetValue(purge))
            {
                code = Math.Max(code, await PrintAsync(await unregistrar.PurgeAttributesAsync(cancellationToken).ConfigureAwait(false), output).ConfigureAwait(false));
            }

            return code;
        }, cancellationToken));
        return command;
    }

    private static async Task<bool> ConfirmAsync(TextWriter error)
    {
        await error.WriteAsync("Delete every openscap_ custom attribute of every container image in ManageIQ? Type yes to confirm: ").ConfigureAwait(false);
        var answer = await Console.In.ReadLineAsync().ConfigureAwait(false);
        return string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal);
    }

    private static async Task<int> PrintAsync(RegistrationReport report, TextWriter output)
    {
        foreach (var outcome in report.Outcomes)
        {
            await output.WriteLineAsync(outcome.ToString()).ConfigureAwait(false);
        }

        var conflicts = report.Outcomes.Count(o => o.Kind == OutcomeKind.Conflict);
        var failures = report.Outcomes.Count(o => o.Kind == OutcomeKind.Failed);
        await output.WriteLineAsync($"{report.Writes} change(s), {conflicts} conflict(s), {failures} failure(s)").ConfigureAwait(false);
        return failures > 0 ? ExitCodes.ManageIqRefused : conflicts > 0 ? ExitCodes.PolicyConflict : ExitCodes.Passed;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Option<FileInfo?> config, Option<DirectoryInfo?>? directory, Func<IServiceProvider, TextWriter, TextWriter, Task<int>> run, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var flags = new Dictionary<string, string?>();
        if (directory is not null && parse.GetValue(directory) is { } dir)
        {
            flags[$"{BridgePoliciesOptions.SectionName}:{nameof(BridgePoliciesOptions.Directory)}"] = dir.FullName;
        }

        using var host = await ScanHost.StartAsync(ControlHost.CreateBuilder(parse.GetValue(config)?.FullName, flags), error, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return ExitCodes.InvalidArguments;
        }

        try
        {
            return await run(host.Services, output, error).ConfigureAwait(false);
        }
        catch (ControlFileException e)
        {
            await error.WriteLineAsync($"Error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidArguments;
        }
        catch (ManageIqTransportException e)
        {
            await error.WriteLineAsync($"Error: ManageIQ did not answer: {e.Message}").ConfigureAwait(false);
            return ExitCodes.ManageIqUnreachable;
        }
        catch (ManageIqException e)
        {
            await error.WriteLineAsync($"Error: ManageIQ refused: {e.Message}").ConfigureAwait(false);
            return ExitCodes.ManageIqRefused;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

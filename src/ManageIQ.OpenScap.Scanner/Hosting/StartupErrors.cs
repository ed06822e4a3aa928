using System.Reflection;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Hosting;

/// <summary>Configuration that cannot start a process, and the one line that says which key is wrong.</summary>
public static class StartupErrors
{
    /// <summary>True for the failures of building and starting a host on bad configuration.</summary>
    public static bool IsConfigurationError(Exception exception) =>
        exception is OptionsValidationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
        || (exception is InvalidOperationException && exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase));

    /// <summary>One line: <c>Error: invalid configuration SECTION (Type): failures</c>, or the binder's own message, which names the key.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception switch
        {
            OptionsValidationException e => $"invalid configuration {Section(e.OptionsType)}: {string.Join("; ", e.Failures)}",
            _ => exception.Message,
        };
        return "Error: " + text.ReplaceLineEndings(" ");
    }

    private static string Section(Type options)
    {
        var name = options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        return name is null ? options.Name : $"{name} ({options.Name})";
    }
}

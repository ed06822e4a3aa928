using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Hosting;

/// <summary>Configuration that cannot start a process, and the one line that says which key is wrong.</summary>
public static partial class StartupErrors
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
            OptionsValidationException e => "invalid configuration: " + string.Join("; ", e.Failures.Select(f => Named(e.OptionsType, f))),
            _ => exception.Message,
        };
        return "Error: " + text.ReplaceLineEndings(" ");
    }

    // DataAnnotations name the member, not the key: "SECTION:Member: error".
    private static string Named(Type options, string failure)
    {
        var section = options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? options.Name;
        var annotation = DataAnnotationFailure().Match(failure);
        return annotation.Success ? $"{section}:{annotation.Groups["member"].Value}: {annotation.Groups["error"].Value}" : failure;
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.?$")]
    private static partial Regex DataAnnotationFailure();
}

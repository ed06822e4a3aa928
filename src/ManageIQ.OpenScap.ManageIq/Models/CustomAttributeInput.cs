using System.Globalization;
using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// A custom attribute to add or edit. The name follows ManageIQ's rule (<c>CUSTOM_ATTRIBUTE_VALID_NAME_REGEXP</c>:
/// a letter or underscore, then letters, digits, underscore or <c>$</c>) so reports and conditions can use it;
/// the section is <c>metadata</c> or <c>cluster_settings</c>; values are strings.
/// </summary>
public sealed partial record CustomAttributeInput
{
    public const string MetadataSection = "metadata";
    public const string ClusterSettingsSection = "cluster_settings";
    public const string DateTimeFieldType = "DateTime";

    public CustomAttributeInput(string name, string value, string section = MetadataSection, string? fieldType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid ManageIQ custom attribute name: it must start with a letter or underscore and hold only letters, digits, underscore or $.", nameof(name));
        }

        if (section is not (MetadataSection or ClusterSettingsSection))
        {
            throw new ArgumentException($"'{section}' is not a section ManageIQ accepts through the API (metadata, cluster_settings).", nameof(section));
        }

        Name = name;
        Value = value;
        Section = section;
        FieldType = fieldType;
    }

    public string Name { get; }

    public string Value { get; }

    public string Section { get; }

    /// <summary><c>DateTime</c> for timestamps (ManageIQ parses the value into <c>serialized_value</c>), else null.</summary>
    public string? FieldType { get; }

    /// <summary>A timestamp attribute: ISO 8601 UTC text with <c>field_type</c> DateTime.</summary>
    public static CustomAttributeInput Timestamp(string name, DateTimeOffset value, string section = MetadataSection) =>
        new(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), section, DateTimeFieldType);

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    [GeneratedRegex(@"\A[\p{L}_][\p{L}_\d$]*\z")]
    private static partial Regex ValidName();
}

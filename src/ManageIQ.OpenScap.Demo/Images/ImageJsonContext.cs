using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Demo.Images;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImageRecord))]
internal sealed partial class ImageJsonContext : JsonSerializerContext;

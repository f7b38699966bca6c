using System.Text.Json;
using System.Text.Json.Serialization;

namespace Teleread.Reading.Persistence;

/// <summary>The JSON form of stored documents: camelCase, enums by name, so rows stay readable and stable.</summary>
public static class ReadingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new ReadOnlySetJsonConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} document is null.");
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Teleread.Reading.Domain;

namespace Teleread.Server.Reading;

/// <summary>
/// Reads a <see cref="ShiftSchedule"/> from a request body so that what its constructor refuses (an unknown time zone, a
/// shift of more than 24 hours) is a JSON error carrying the refusal — a 400 saying what is wrong — not an exception
/// escaping the model binding as a 500.
/// </summary>
public sealed class ShiftScheduleJsonConverter : JsonConverter<ShiftSchedule>
{
    public override ShiftSchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("A shift schedule cannot be null.");
        try
        {
            return new ShiftSchedule(shape.TimeZoneId!, shape.Windows ?? []);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, ShiftSchedule value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.TimeZoneId, value.Windows), options);

    private sealed record Shape(string? TimeZoneId, IReadOnlyList<ShiftWindow>? Windows);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenreOrleans.Analysis.Model;

/// <summary>
/// Writes float arrays of model.json on one line (scalers, the descriptor head's weights): an
/// indented file would otherwise spend a line per number, tens of thousands of them.
/// </summary>
public sealed class CompactFloatArrayConverter : JsonConverter<float[]>
{
    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("expected an array of numbers");
        var values = new List<float>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            values.Add(reader.GetSingle());
        return values.ToArray();
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        var text = new StringBuilder(value.Length * 10).Append('[');
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0)
                text.Append(',');
            // Shortest text that reads back as the same float; non-finite values cannot be JSON numbers.
            text.Append(float.IsFinite(value[i]) ? value[i].ToString(CultureInfo.InvariantCulture) : "0");
        }
        writer.WriteRawValue(text.Append(']').ToString(), skipInputValidation: true);
    }
}

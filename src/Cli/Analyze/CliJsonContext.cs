using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// Serialisation code generated at build time for what the CLI prints: a one-track run is a fresh
/// process, where building this metadata by reflection cost about 0.05 s before the line appeared.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzedFileJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

namespace GenreOrleans.Web.Api;

/// <summary>The uploaded file: its name and size, and what the decoder learned once it has run.</summary>
public sealed record TrackFileResponse(
    string Name,
    long SizeBytes,
    string? Format,
    double? DurationSeconds,
    int? SampleRate,
    int? Channels,
    int? BitrateKbps,
    string? Title,
    string? Artist);

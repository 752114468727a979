namespace GenreOrleans.Dsp.Decoding;

/// <summary>What is known about an audio stream before it is decoded.</summary>
/// <param name="Format">Container or codec name: "mp3", "wav", "flac", "ogg", "m4a", "opus".</param>
/// <param name="SampleRate">Samples per second per channel of the decoded output.</param>
/// <param name="Channels">Channels of the decoded output (interleaved).</param>
/// <param name="BitrateKbps">Nominal or average bitrate, when the format has one.</param>
/// <param name="EstimatedDuration">Duration from headers or file size; exact only for uncompressed formats.</param>
public sealed record AudioStreamInfo(
    string Format,
    int SampleRate,
    int Channels,
    int? BitrateKbps,
    TimeSpan EstimatedDuration,
    string? Title = null,
    string? Artist = null,
    string? Genre = null);

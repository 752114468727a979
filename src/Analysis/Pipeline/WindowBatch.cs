namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The model input of one track: <see cref="WindowCount"/> log-mel windows of
/// <see cref="MelBands"/> x <see cref="FramesPerWindow"/> values (row-major, window after window)
/// and the track's standardised summary vector, shared by all its windows.
/// </summary>
public sealed record WindowBatch(
    float[] Mel,
    int WindowCount,
    int MelBands,
    int FramesPerWindow,
    float[] Summary);

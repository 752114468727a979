namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Model input: <see cref="WindowCount"/> log-mel windows of <see cref="MelBands"/> x
/// <see cref="FramesPerWindow"/> values (row-major, window after window) and, per window, the
/// standardised summary vector of its track (<see cref="SummaryLength"/> values each), so that
/// windows of different tracks can be concatenated into one forward pass.
/// </summary>
public sealed record WindowBatch(
    float[] Mel,
    float[] Summary,
    int WindowCount,
    int MelBands,
    int FramesPerWindow,
    int SummaryLength);

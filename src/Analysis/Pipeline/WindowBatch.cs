namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Model input: <see cref="WindowCount"/> log-mel windows of <see cref="MelBands"/> x
/// <see cref="FramesPerWindow"/> values in dB (row-major, window after window) and, per window,
/// the summary vector of its track (<see cref="SummaryLength"/> values each, as
/// <see cref="TrackSummary"/> computes it), so that windows of different tracks can be
/// concatenated into one forward pass. Values are not standardised: the scorer applies its
/// model's own scalers.
/// </summary>
public sealed record WindowBatch(
    float[] Mel,
    float[] Summary,
    int WindowCount,
    int MelBands,
    int FramesPerWindow,
    int SummaryLength)
{
    /// <summary>Concatenates batches of the same shape (e.g. windows of several tracks) into one.</summary>
    public static WindowBatch Concat(IReadOnlyList<WindowBatch> batches)
    {
        if (batches.Count == 1)
            return batches[0];
        var first = batches[0];
        foreach (var b in batches)
        {
            if (b.MelBands != first.MelBands || b.FramesPerWindow != first.FramesPerWindow || b.SummaryLength != first.SummaryLength)
                throw new ArgumentException("batches differ in shape");
        }
        return new WindowBatch(
            batches.SelectMany(b => b.Mel).ToArray(),
            batches.SelectMany(b => b.Summary).ToArray(),
            batches.Sum(b => b.WindowCount),
            first.MelBands,
            first.FramesPerWindow,
            first.SummaryLength);
    }
}

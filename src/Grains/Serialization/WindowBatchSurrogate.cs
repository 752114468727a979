using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Serialization;

/// <summary>
/// Orleans wire form of <see cref="WindowBatch"/> (an Analysis type without Orleans attributes).
/// A surrogate rather than JSON because batches are large float arrays on the hot path: binary,
/// no text round trip.
/// </summary>
[GenerateSerializer]
public struct WindowBatchSurrogate
{
    [Id(0)] public float[] Mel;
    [Id(1)] public float[] Summary;
    [Id(2)] public int WindowCount;
    [Id(3)] public int MelBands;
    [Id(4)] public int FramesPerWindow;
    [Id(5)] public int SummaryLength;
}

[RegisterConverter]
public sealed class WindowBatchSurrogateConverter : IConverter<WindowBatch, WindowBatchSurrogate>
{
    public WindowBatch ConvertFromSurrogate(in WindowBatchSurrogate surrogate) =>
        new(surrogate.Mel, surrogate.Summary, surrogate.WindowCount, surrogate.MelBands, surrogate.FramesPerWindow, surrogate.SummaryLength);

    public WindowBatchSurrogate ConvertToSurrogate(in WindowBatch value) => new()
    {
        Mel = value.Mel,
        Summary = value.Summary,
        WindowCount = value.WindowCount,
        MelBands = value.MelBands,
        FramesPerWindow = value.FramesPerWindow,
        SummaryLength = value.SummaryLength,
    };
}

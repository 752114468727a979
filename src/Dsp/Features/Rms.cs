namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Root-mean-square level of time-domain frames, as <c>librosa.feature.rms(y, frame_length=2048,
/// hop_length=512)</c>: centred frames with zero padding, no window.
/// </summary>
public sealed class Rms
{
    public Rms(int frameLength = 2048, int hopSize = 512)
    {
        FrameLength = frameLength;
        HopSize = hopSize;
    }

    public int FrameLength { get; }

    public int HopSize { get; }

    public double Compute(ReadOnlySpan<float> samples, int frameIndex)
    {
        var start = frameIndex * HopSize - FrameLength / 2;
        var from = Math.Max(0, start);
        var to = Math.Min(samples.Length, start + FrameLength);
        double sum = 0;
        for (var i = from; i < to; i++) sum += (double)samples[i] * samples[i];
        return Math.Sqrt(sum / FrameLength);
    }
}

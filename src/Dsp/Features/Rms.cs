using System.Numerics;

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
        // Float32 lanes like librosa's float32 mean; each lane sums at most 2048 / width squares.
        double sum = 0;
        var i = from;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var acc = Vector<float>.Zero;
            for (; i <= to - width; i += width)
            {
                var x = new Vector<float>(samples.Slice(i, width));
                acc += x * x;
            }
            sum = Vector.Sum(acc);
        }
        for (; i < to; i++) sum += (double)samples[i] * samples[i];
        return Math.Sqrt(sum / FrameLength);
    }
}

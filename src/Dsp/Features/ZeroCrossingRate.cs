using System.Numerics;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Zero-crossing rate, as <c>librosa.feature.zero_crossing_rate(frame_length=2048, hop_length=512)</c>:
/// frames centred by edge padding (repeating the first and last sample, unlike the STFT), values
/// within ±1e-10 count as +0, and a crossing is a change of sign bit between neighbours; the
/// rate is the number of crossings over the frame length.
/// </summary>
public sealed class ZeroCrossingRate
{
    private const float Threshold = 1e-10f;

    public ZeroCrossingRate(int frameLength = 2048, int hopSize = 512)
    {
        FrameLength = frameLength;
        HopSize = hopSize;
    }

    public int FrameLength { get; }

    public int HopSize { get; }

    public double Compute(ReadOnlySpan<float> samples, int frameIndex)
    {
        if (samples.IsEmpty) return 0;
        var start = frameIndex * HopSize - FrameLength / 2;
        var last = samples.Length - 1;
        var crossings = 0;
        if (start >= 1 && start + FrameLength <= samples.Length)
        {
            // Compare the "negative" masks of x[i] and x[i - 1] a vector at a time.
            var end = start + FrameLength;
            var i = start + 1;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<float>.Count;
                var limit = new Vector<float>(-Threshold);
                var changes = Vector<int>.Zero;
                for (; i <= end - width; i += width)
                {
                    var current = Vector.LessThan(new Vector<float>(samples.Slice(i, width)), limit);
                    var previous = Vector.LessThan(new Vector<float>(samples.Slice(i - 1, width)), limit);
                    changes -= current ^ previous;   // lanes are 0 or -1
                }
                crossings = Vector.Sum(changes);
            }
            for (; i < end; i++)
                if (IsNegative(samples[i]) != IsNegative(samples[i - 1])) crossings++;
        }
        else
        {
            var previous = IsNegative(samples[Math.Clamp(start, 0, last)]);
            for (var i = 1; i < FrameLength; i++)
            {
                var current = IsNegative(samples[Math.Clamp(start + i, 0, last)]);
                if (current != previous) crossings++;
                previous = current;
            }
        }
        return (double)crossings / FrameLength;
    }

    // Sign bit after librosa's thresholding: tiny values (including -0.0) become +0.
    private static bool IsNegative(float x) => x < -Threshold;
}

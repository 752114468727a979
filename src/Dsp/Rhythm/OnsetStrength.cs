using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Rhythm;

/// <summary>How <see cref="OnsetStrength"/> combines the per-band increases of one frame.</summary>
public enum OnsetAggregate
{
    /// <summary>Mean over bands: librosa's <c>onset_strength</c> default.</summary>
    Mean,

    /// <summary>Median over bands: what <c>librosa.beat.beat_track</c> uses.</summary>
    Median,
}

/// <summary>
/// Spectral-flux onset strength, as <c>librosa.onset.onset_strength(lag=1, max_size=1,
/// center=True)</c> on the mel dB spectrogram: the positive increase of each band from one frame to
/// the next, aggregated over bands, delayed by <c>1 + n_fft / (2 hop)</c> = 3 frames (zeros first) so
/// that it lines up with the centred frames, and cut to the spectrogram's length.
/// </summary>
public sealed class OnsetStrength
{
    private float[] _increase = [];

    public OnsetStrength(int fftSize = 2048, int hopSize = 512, OnsetAggregate aggregate = OnsetAggregate.Mean)
    {
        Delay = 1 + fftSize / (2 * hopSize);
        Aggregate = aggregate;
    }

    /// <summary>Frames of delay before the first difference (3 at librosa's defaults).</summary>
    public int Delay { get; }

    public OnsetAggregate Aggregate { get; }

    /// <summary>Onset strength envelope of a mel dB spectrogram (bands x frames), one value per frame.</summary>
    public float[] Compute(FeatureMatrix melDb)
    {
        var envelope = new float[melDb.Columns];
        Compute(melDb, envelope);
        return envelope;
    }

    public void Compute(FeatureMatrix melDb, Span<float> envelope)
    {
        var frames = melDb.Columns;
        var bands = melDb.Rows;
        if (_increase.Length < bands) _increase = new float[bands];
        envelope.Slice(0, Math.Min(frames, Delay)).Clear();
        // Output frame t holds the increase from frame t - Delay to t - Delay + 1.
        for (var t = Delay; t < frames; t++)
        {
            var from = t - Delay;
            for (var m = 0; m < bands; m++)
            {
                var row = m * frames;
                _increase[m] = Math.Max(0f, melDb.Data[row + from + 1] - melDb.Data[row + from]);
            }
            envelope[t] = Combine(_increase.AsSpan(0, bands));
        }
    }

    private float Combine(Span<float> increase)
    {
        if (Aggregate == OnsetAggregate.Mean)
        {
            double sum = 0;
            foreach (var v in increase) sum += v;
            return (float)(sum / increase.Length);
        }
        var n = increase.Length;
        var upper = Select(increase, n / 2);
        if (n % 2 == 1) return upper;
        // After selecting the upper middle, the lower middle is the largest value left of it.
        var lower = float.NegativeInfinity;
        for (var i = 0; i < n / 2; i++) lower = Math.Max(lower, increase[i]);
        return (lower + upper) / 2f;
    }

    // Quickselect (Hoare partition, middle pivot): puts the k-th smallest value at index k with
    // nothing larger before it; average linear time instead of a full sort per frame.
    private static float Select(Span<float> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[(left + right) >> 1];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return values[k];
    }
}

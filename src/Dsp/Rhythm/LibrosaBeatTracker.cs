namespace GenreOrleans.Dsp.Rhythm;

/// <summary>Result of <see cref="LibrosaBeatTracker"/>: librosa's tempo and beat frames.</summary>
public sealed record LibrosaBeats(double TempoBpm, int[] BeatFrames);

/// <summary>
/// Ellis' dynamic-programming beat tracker exactly as <c>librosa.beat.beat_track(start_bpm=120,
/// tightness=100, trim=True)</c> (librosa 0.10.1), for parity with librosa. The tempo is the
/// global-tempogram lag that maximises <c>log1p(1e6 ac) + logprior</c> with a log-normal prior
/// around 120 BPM (one octave wide) and nothing above 320 BPM; beats come from the dynamic
/// programme over the smoothed, normalised onset envelope (median-aggregated onsets), with
/// librosa's quirks kept: the first-beat rule, the last-beat rule and the trimming that also drops
/// the last strong beat. This is the parity reference, not the DJ tempo.
/// </summary>
public sealed class LibrosaBeatTracker
{
    private readonly double _framesPerSecond;
    private readonly double _sampleRate;
    private readonly int _hopSize;
    private readonly OnsetAutocorrelation _autocorrelation;

    public LibrosaBeatTracker(double sampleRate = 22050, int hopSize = 512, double startBpm = 120.0,
        double tightness = 100.0, bool trim = true, double autocorrelationSeconds = 8.0, double maxTempo = 320.0)
    {
        if (startBpm <= 0) throw new ArgumentOutOfRangeException(nameof(startBpm));
        if (tightness <= 0) throw new ArgumentOutOfRangeException(nameof(tightness));
        _framesPerSecond = sampleRate / hopSize;
        _sampleRate = sampleRate;
        _hopSize = hopSize;
        StartBpm = startBpm;
        Tightness = tightness;
        Trim = trim;
        MaxTempo = maxTempo;
        // time_to_frames(8 s) = floor(8 * sr / hop) = 344 at 22,050 Hz.
        _autocorrelation = new OnsetAutocorrelation((int)Math.Floor(autocorrelationSeconds * sampleRate / hopSize));
    }

    public double StartBpm { get; }

    public double Tightness { get; }

    public bool Trim { get; }

    public double MaxTempo { get; }

    /// <summary>Tempo and beats of a median-aggregated onset envelope (see <see cref="OnsetAggregate.Median"/>).</summary>
    public LibrosaBeats Track(ReadOnlySpan<float> onsetEnvelope)
    {
        var any = false;
        foreach (var v in onsetEnvelope) if (v != 0) { any = true; break; }
        if (!any) return new LibrosaBeats(0, []);
        var bpm = EstimateTempo(onsetEnvelope);
        return new LibrosaBeats(bpm, TrackBeats(onsetEnvelope, bpm));
    }

    /// <summary>librosa's <c>feature.tempo</c> with the default log-normal prior.</summary>
    public double EstimateTempo(ReadOnlySpan<float> onsetEnvelope)
    {
        var ac = _autocorrelation.Compute(onsetEnvelope);
        var lags = ac.Length;
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var log2Start = Math.Log2(StartBpm);
        var reachedAllowed = false;
        for (var lag = 1; lag < lags; lag++)
        {
            var bpm = BpmOfLag(lag);
            // librosa kills every lag before the first one below max_tempo.
            if (!reachedAllowed && !(bpm < MaxTempo)) continue;
            reachedAllowed = true;
            var z = Math.Log2(bpm) - log2Start;
            var score = Math.Log(1 + 1e6 * ac[lag]) + -0.5 * z * z;
            if (score > bestScore) { bestScore = score; best = lag; }
        }
        return best < 0 ? 0 : BpmOfLag(best);
    }

    // tempo_frequencies: 60 sr / (hop lag).
    private double BpmOfLag(int lag) => 60.0 * _sampleRate / (_hopSize * (double)lag);

    /// <summary>The dynamic-programming beat frames for a given tempo.</summary>
    public int[] TrackBeats(ReadOnlySpan<float> onsetEnvelope, double bpm)
    {
        if (bpm <= 0 || onsetEnvelope.IsEmpty) return [];
        var period = (int)Math.Round(60.0 * _framesPerSecond / bpm, MidpointRounding.ToEven);
        if (period < 1) period = 1;
        var localScore = LocalScore(onsetEnvelope, period);
        var (backlink, cumulative) = Programme(localScore, period);

        var beats = new List<int> { LastBeat(cumulative) };
        while (backlink[beats[^1]] >= 0) beats.Add(backlink[beats[^1]]);
        beats.Reverse();
        return TrimBeats(localScore, beats);
    }

    // Onsets divided by their standard deviation (ddof = 1), convolved ('same') with a Gaussian
    // of +-period frames whose standard deviation is period / 32.
    private static double[] LocalScore(ReadOnlySpan<float> onsets, int period)
    {
        var n = onsets.Length;
        double mean = 0;
        for (var i = 0; i < n; i++) mean += onsets[i];
        mean /= n;
        double ss = 0;
        for (var i = 0; i < n; i++) ss += (onsets[i] - mean) * (onsets[i] - mean);
        var std = n > 1 ? (float)Math.Sqrt(ss / (n - 1)) : 0f;
        var normalised = new double[n];
        for (var i = 0; i < n; i++) normalised[i] = std > 0 ? (float)(onsets[i] / std) : onsets[i];

        var window = new double[2 * period + 1];
        for (var j = 0; j < window.Length; j++)
        {
            var x = (j - period) * 32.0 / period;
            window[j] = Math.Exp(-0.5 * x * x);
        }
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var j = 0; j < window.Length; j++)
            {
                var s = i + period - j;
                if (s >= 0 && s < n) sum += normalised[s] * window[j];
            }
            score[i] = sum;
        }
        return score;
    }

    private (int[] Backlink, double[] Cumulative) Programme(double[] localScore, int period)
    {
        var n = localScore.Length;
        var backlink = new int[n];
        var cumulative = new double[n];
        // Candidate predecessors lie 2 periods to half a period back (np.round: half to even).
        var windowStart = -2 * period;
        var windowEnd = -(int)Math.Round(period / 2.0, MidpointRounding.ToEven);
        var width = windowEnd - windowStart + 1;
        var weight = new double[width];
        for (var j = 0; j < width; j++)
        {
            var log = Math.Log(-(double)(windowStart + j) / period);
            weight[j] = -Tightness * (log * log);
        }
        var maxScore = double.NegativeInfinity;
        foreach (var v in localScore) maxScore = Math.Max(maxScore, v);

        var firstBeat = true;
        for (var i = 0; i < n; i++)
        {
            var offset = windowStart + i;           // position of candidate 0
            var zPad = Math.Max(0, Math.Min(-offset, width));
            var bestJ = 0;
            var best = double.NegativeInfinity;
            for (var j = 0; j < width; j++)
            {
                var candidate = j >= zPad ? weight[j] + cumulative[offset + j] : weight[j];
                if (candidate > best) { best = candidate; bestJ = j; }
            }
            cumulative[i] = localScore[i] + best;
            if (firstBeat && localScore[i] < 0.01 * maxScore)
            {
                backlink[i] = -1;
            }
            else
            {
                backlink[i] = offset + bestJ;
                firstBeat = false;
            }
        }
        return (backlink, cumulative);
    }

    // The last frame whose cumulative score is a local maximum above half the median of the local maxima.
    private static int LastBeat(double[] cumulative)
    {
        var n = cumulative.Length;
        var maxima = new List<double>();
        for (var i = 0; i < n; i++)
            if (IsLocalMax(cumulative, i)) maxima.Add(cumulative[i]);
        var median = Median(maxima);
        var last = 0;
        for (var i = 0; i < n; i++)
            if ((IsLocalMax(cumulative, i) ? cumulative[i] : 0.0) * 2 > median) last = i;
        return last;
    }

    // util.localmax: strictly above the left neighbour and not below the right one; the first
    // element never, the last when above its left neighbour.
    private static bool IsLocalMax(double[] x, int i)
    {
        if (i == 0) return false;
        if (i == x.Length - 1) return x[i] > x[i - 1];
        return x[i] > x[i - 1] && x[i] >= x[i + 1];
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    // Smooth the local score at the beats with a 5-point Hann ([0, .5, 1, .5, 0]) and keep the beats
    // from the first above half the RMS of that curve up to, but excluding, the last one above it.
    private int[] TrimBeats(double[] localScore, List<int> beats)
    {
        var m = beats.Count;
        var smooth = new double[m];
        for (var i = 0; i < m; i++)
        {
            var v = localScore[beats[i]];
            if (i > 0) v += 0.5 * localScore[beats[i - 1]];
            if (i < m - 1) v += 0.5 * localScore[beats[i + 1]];
            smooth[i] = v;
        }
        var threshold = 0.0;
        if (Trim)
        {
            double ss = 0;
            foreach (var v in smooth) ss += v * v;
            threshold = 0.5 * Math.Sqrt(ss / m);
        }
        int first = -1, last = -1;
        for (var i = 0; i < m; i++)
            if (smooth[i] > threshold) { if (first < 0) first = i; last = i; }
        if (first < 0) return [];
        return beats.GetRange(first, last - first).ToArray();
    }
}

namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// The DJ tempo: a precise BPM with its octave chosen from the music, on a librosa-style onset
/// strength envelope (22,050 Hz, hop 512 by default).
/// </summary>
/// <remarks>
/// Two views of the envelope disagree about octaves in opposite directions, and their product
/// agrees only at the beat: the autocorrelation is as high at two or three beats as at one
/// (it favours half and third tempos), while the onset spectrum is as high at twice the beat
/// rate as at the beat (it favours double tempos). Each hypothesis on a log-BPM grid is scored
/// by both, times a weak log-normal preference that only settles near ties. The winner is then
/// made precise from the autocorrelation peaks at one to four periods (parabolic interpolation,
/// least squares through the origin), so the BPM is not bound to a lag grid.
/// Before that, when <see cref="TempoOptions.LevelModel"/> is set and the mid band is given, the
/// beat level is re-decided among the winner's metrical relatives by evidence fitted on real
/// music (<see cref="MetricalLevelModel"/>): the grid score alone reads drum and bass at half
/// its tempo and much rock and blues at double.
/// One instance reuses its buffers and is not thread-safe.
/// </remarks>
public sealed class TempoEstimator
{
    private const int StepsPerOctave = 240;
    private const int MaxCombMultiple = 4;
    private const int SpectrumChunkFrames = 1024;

    private readonly TempoOptions _options;
    private readonly double _frameRate;
    private readonly double[] _gridBpm;
    private readonly int _rangeStart;
    private readonly int _rangeEnd;
    private readonly double[] _prior;
    private readonly double[] _autocorrelationScore;
    private readonly double[] _spectrumScore;
    private readonly double[] _score;
    private float[] _pulse = [];
    private double[] _window = [];
    private double[] _autocorrelation = [];
    private float[] _backbeatPulse = [];
    private double[] _backbeatAutocorrelation = [];
    private float[] _onsetPulse = [];
    private double[] _onsetAutocorrelation = [];
    private double[] _chunkWindow = [];
    private double[] _windowedChunk = [];

    public TempoEstimator(TempoOptions? options = null)
    {
        _options = options ?? new TempoOptions();
        if (_options.MinBpm <= 0 || _options.MaxBpm <= _options.MinBpm)
            throw new ArgumentException("TempoOptions needs 0 < MinBpm < MaxBpm.", nameof(options));
        _frameRate = _options.FrameRate;

        // The grid spans one octave beyond the reported range on both sides, so that the
        // half and double of every reportable tempo can be scored too.
        double low = _options.MinBpm / 2, high = _options.MaxBpm * 2;
        var count = (int)Math.Ceiling(Math.Log2(high / low) * StepsPerOctave) + 1;
        _gridBpm = new double[count];
        _prior = new double[count];
        for (var i = 0; i < count; i++)
        {
            _gridBpm[i] = low * Math.Pow(2, (double)i / StepsPerOctave);
            var octaves = Math.Log2(_gridBpm[i] / _options.PreferredBpm) / _options.PreferenceWidthOctaves;
            _prior[i] = Math.Exp(-0.5 * octaves * octaves);
        }
        _rangeStart = Array.FindIndex(_gridBpm, bpm => bpm >= _options.MinBpm - 1e-9);
        _rangeEnd = Array.FindLastIndex(_gridBpm, bpm => bpm <= _options.MaxBpm + 1e-9);
        _autocorrelationScore = new double[count];
        _spectrumScore = new double[count];
        _score = new double[count];
    }

    public TempoOptions Options => _options;

    /// <summary>Estimates the tempo of one onset strength envelope.</summary>
    public TempoReading Estimate(ReadOnlySpan<float> onsetEnvelope) => Estimate(onsetEnvelope, default);

    /// <summary>Estimates the tempo from the band envelopes of <see cref="TempoEnvelopes"/>.</summary>
    public TempoReading Estimate(TempoEnvelopes envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        return Estimate(envelopes.Onset, envelopes.LowBand, envelopes.MidBand);
    }

    /// <summary>
    /// Estimates the tempo from an onset envelope and, optionally, a second envelope of the same
    /// frames that carries the percussive pulse (for example the onsets of the low band, where
    /// kick drums live); the two are weighed equally after normalising each to unit mean.
    /// </summary>
    public TempoReading Estimate(ReadOnlySpan<float> onsetEnvelope, ReadOnlySpan<float> percussiveEnvelope) =>
        Estimate(onsetEnvelope, percussiveEnvelope, default);

    /// <summary>
    /// As above, with a third envelope of the band where snares and claps live (about 150 Hz to
    /// 4 kHz). It settles octaves the way listeners do: the backbeat falls on every other beat,
    /// so the beat is the tempo at which that band repeats every two beats but not every beat.
    /// That reads two-step drum and bass at 174 rather than 87, and hip hop at 90 rather than 180.
    /// </summary>
    public TempoReading Estimate(ReadOnlySpan<float> onsetEnvelope, ReadOnlySpan<float> percussiveEnvelope,
        ReadOnlySpan<float> backbeatEnvelope)
    {
        var frames = onsetEnvelope.Length;
        var longestLag = 60 * _frameRate / _options.MinBpm;
        // Two full beats at the slowest tempo are the least that can show a period.
        if (frames < 3 * longestLag)
            return TempoReading.None;

        var maxLag = Math.Min(frames - 1, (int)Math.Ceiling(MaxCombMultiple * longestLag) + 2);
        var hasMidBand = backbeatEnvelope.Length >= frames
            && PreparePulse(backbeatEnvelope, default, ref _backbeatPulse)
            && ComputeAutocorrelation(_backbeatPulse, frames, maxLag, ref _backbeatAutocorrelation);
        var useBackbeat = hasMidBand && _options.BackbeatWeight > 0;
        var useLevels = hasMidBand && _options.LevelModel is not null
            && PreparePulse(onsetEnvelope, default, ref _onsetPulse)
            && ComputeAutocorrelation(_onsetPulse, frames, maxLag, ref _onsetAutocorrelation);

        if (!PreparePulse(onsetEnvelope, percussiveEnvelope, ref _pulse))
            return TempoReading.None;
        if (!ComputeAutocorrelation(_pulse, frames, maxLag, ref _autocorrelation))
            return TempoReading.None;

        ScoreGrid(frames, maxLag, useBackbeat);

        var envelopeBest = BestPeak();
        if (envelopeBest < 0 || _score[envelopeBest] <= 0)
            return TempoReading.None;
        var candidates = CollectCandidates(envelopeBest);
        if (useLevels)
            return ChooseLevel(envelopeBest, maxLag, candidates);

        // Refinement may not leave the configured range.
        var bpm = Math.Clamp(Refine(_gridBpm[envelopeBest], maxLag), _options.MinBpm, _options.MaxBpm);
        var alternative = FindAlternative(envelopeBest, out var alternativeScore);
        var clarity = Math.Clamp(_autocorrelationScore[envelopeBest], 0, 1);
        var dominance = _score[envelopeBest] / (_score[envelopeBest] + alternativeScore);
        var confidence = Math.Clamp(Math.Sqrt(clarity) * dominance, 0, 1);
        return new TempoReading(bpm, confidence, alternative) { Candidates = candidates };
    }

    /// <summary>
    /// Re-decides the beat level among the envelope winner's relatives with the level model;
    /// confidence is the chosen level's probability times the clarity of its pulse, and the
    /// alternative is the next most probable level.
    /// </summary>
    private TempoReading ChooseLevel(int envelopeBest, int maxLag, IReadOnlyList<TempoCandidate> candidates)
    {
        var (levels, indices) = DescribeLevels(envelopeBest, maxLag);
        var probabilities = _options.LevelModel!.Probabilities(levels);
        var order = Enumerable.Range(0, levels.Count).OrderByDescending(i => probabilities[i]).ToArray();
        var chosen = indices[order[0]];
        var bpm = Math.Clamp(Refine(_gridBpm[chosen], maxLag), _options.MinBpm, _options.MaxBpm);
        double? alternative = order.Length > 1 ? Math.Round(levels[order[1]].Bpm, 2) : null;
        var clarity = Math.Clamp(_autocorrelationScore[chosen], 0, 1);
        var confidence = Math.Clamp(Math.Sqrt(clarity) * probabilities[order[0]], 0, 1);
        return new TempoReading(bpm, confidence, alternative) { Candidates = candidates, Levels = levels };
    }

    /// <summary>
    /// The winner and its half, double and 3/2 inside the range, each moved
    /// to the best grid score within 2.5 % (a relative's own peak), with the evidence of
    /// <see cref="MetricalLevelModel.FeatureNames"/>.
    /// </summary>
    private (List<MetricalLevel> Levels, List<int> Indices) DescribeLevels(int best, int maxLag)
    {
        // Thirds (2/3, 3, 1/3) are left out: on the annotated recordings they turned swung and
        // triplet-felt songs into 3/2 readings more often than they rescued a reading. The 3/2
        // step stays: drum and bass read at 2/3 of its tempo (its kick on the "and" of 3) needs it.
        ReadOnlySpan<double> ratios = [1, 0.5, 2, 1.5];
        var levels = new List<MetricalLevel>(ratios.Length);
        var indices = new List<int>(ratios.Length);
        var top = _score.Max();
        var snap = (int)Math.Ceiling(Math.Log2(1.025) * StepsPerOctave);
        foreach (var ratio in ratios)
        {
            var target = _gridBpm[best] * ratio;
            if (target < _options.MinBpm || target > _options.MaxBpm)
                continue;
            var index = best;
            if (ratio != 1)
            {
                var centre = best + (int)Math.Round(Math.Log2(ratio) * StepsPerOctave);
                index = ArgMax(_score, Math.Max(_rangeStart, centre - snap), Math.Min(_rangeEnd, centre + snap));
            }
            if (index < 0 || indices.Contains(index))
                continue;
            var bpm = _gridBpm[index];
            var beat = 60 * _frameRate / bpm;
            var octaves = Math.Log2(bpm / 120);
            var localScore = _score[ArgMax(_score, index - 5, index + 5)];
            var features = new[]
            {
                octaves,
                octaves * octaves,
                Math.Log(localScore / top + 1e-4),
                PeakNear(_onsetAutocorrelation, beat / 2, maxLag),
                PeakNear(_backbeatAutocorrelation, beat / 2, maxLag),
                PeakNear(_backbeatAutocorrelation, 2 * beat, maxLag) - PeakNear(_backbeatAutocorrelation, beat, maxLag),
            };
            levels.Add(new MetricalLevel(Math.Round(bpm, 2), ratio, features));
            indices.Add(index);
        }
        return (levels, indices);
    }

    /// <summary>The highest autocorrelation within 2 % of <paramref name="lag"/>, relative to lag 0 (0 beyond the computed lags).</summary>
    private static double PeakNear(double[] autocorrelation, double lag, int maxLag)
    {
        if (lag > maxLag || autocorrelation[0] <= 0)
            return 0;
        var peak = autocorrelation[ArgMax(autocorrelation, (int)Math.Floor(lag * 0.98), Math.Min(maxLag, (int)Math.Ceiling(lag * 1.02)))];
        return Math.Max(0, peak / autocorrelation[0]);
    }

    /// <summary>
    /// Re-decides a reading with knowledge the envelope does not have, such as the usual tempo
    /// range of the genre the model predicted: the best-scoring hypothesis inside
    /// [<paramref name="minBpm"/>, <paramref name="maxBpm"/>] wins; failing that, the reading is
    /// moved by octaves towards the range. A reading already inside the range is kept.
    /// </summary>
    public static TempoReading RefineWithRange(TempoReading reading, double minBpm, double maxBpm)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Bpm <= 0 || !(minBpm > 0) || !(maxBpm >= minBpm))
            return reading;
        if (reading.Bpm >= minBpm && reading.Bpm <= maxBpm)
            return reading;

        var inside = reading.Candidates.Where(c => c.Bpm >= minBpm && c.Bpm <= maxBpm)
            .OrderByDescending(c => c.Score).FirstOrDefault();
        double bpm;
        double score;
        if (inside is not null)
        {
            bpm = inside.Bpm;
            score = inside.Score;
        }
        else
        {
            // The octave of the reading nearest to the range (in octaves). Two loops that double
            // below it and halve above it could undo each other (87 for 120–150: 174 is above, so
            // back to 87) and return the reading as its own alternative.
            bpm = reading.Bpm;
            var distance = OctavesOutside(bpm, minBpm, maxBpm);
            foreach (var factor in (ReadOnlySpan<double>)[0.25, 0.5, 2, 4])
            {
                var moved = reading.Bpm * factor;
                var d = OctavesOutside(moved, minBpm, maxBpm);
                if (d < distance - 1e-9)
                {
                    bpm = moved;
                    distance = d;
                }
            }
            if (bpm == reading.Bpm)
                return reading;
            score = 0.5;
        }
        // Moving away from the envelope's own choice costs confidence in proportion to how
        // much weaker the chosen hypothesis was.
        var confidence = Math.Clamp(reading.Confidence * Math.Clamp(score, 0, 1), 0, 1);
        return reading with { Bpm = bpm, Confidence = confidence, Alternative = reading.Bpm };
    }

    /// <summary>How far <paramref name="bpm"/> lies outside [min, max], in octaves (0 inside).</summary>
    private static double OctavesOutside(double bpm, double minBpm, double maxBpm) =>
        bpm < minBpm ? Math.Log2(minBpm / bpm) : bpm > maxBpm ? Math.Log2(bpm / maxBpm) : 0;

    private bool PreparePulse(ReadOnlySpan<float> onsetEnvelope, ReadOnlySpan<float> percussiveEnvelope, ref float[] buffer)
    {
        var frames = onsetEnvelope.Length;
        if (buffer.Length < frames)
            buffer = new float[frames];
        var pulse = buffer.AsSpan(0, frames);

        var onsetMean = FiniteMean(onsetEnvelope);
        var usePercussive = percussiveEnvelope.Length >= frames;
        var percussiveMean = usePercussive ? FiniteMean(percussiveEnvelope) : 0;
        usePercussive &= percussiveMean > 0;
        if (onsetMean <= 0 && !usePercussive)
            return false;

        for (var i = 0; i < frames; i++)
        {
            double value = onsetMean > 0 ? Finite(onsetEnvelope[i]) / onsetMean : 0;
            if (usePercussive)
                value += Finite(percussiveEnvelope[i]) / percussiveMean;
            pulse[i] = (float)value;
        }

        // Subtracting a one-second running mean and keeping what rises above it leaves the
        // onsets and removes slow loudness changes that would otherwise dominate every lag.
        var half = Math.Max(1, (int)Math.Round(_frameRate / 2));
        if (_window.Length < frames)
            _window = new double[frames];
        var detrended = _window.AsSpan(0, frames);
        double running = 0;
        int lo = 0, hi = -1;
        for (var i = 0; i < frames; i++)
        {
            while (hi < Math.Min(frames - 1, i + half)) running += pulse[++hi];
            while (lo < i - half) running -= pulse[lo++];
            detrended[i] = Math.Max(0, pulse[i] - running / (hi - lo + 1));
        }

        // A short [1 2 1] smoothing widens single-frame peaks so that periods between lags
        // still meet the autocorrelation peak.
        double energy = 0;
        for (var i = 0; i < frames; i++)
        {
            var previous = detrended[Math.Max(0, i - 1)];
            var next = detrended[Math.Min(frames - 1, i + 1)];
            var smoothed = 0.25 * previous + 0.5 * detrended[i] + 0.25 * next;
            pulse[i] = (float)smoothed;
            energy += smoothed * smoothed;
        }
        return energy > 1e-12 && double.IsFinite(energy);
    }

    private static bool ComputeAutocorrelation(float[] source, int frames, int maxLag, ref double[] autocorrelation)
    {
        if (autocorrelation.Length < maxLag + 1)
            autocorrelation = new double[maxLag + 1];
        var pulse = source.AsSpan(0, frames);
        for (var lag = 0; lag <= maxLag; lag++)
        {
            double sum = 0;
            for (var i = 0; i + lag < frames; i++)
                sum += pulse[i] * pulse[i + lag];
            // Unbiased: divide by the number of products, so long lags are not penalised.
            autocorrelation[lag] = sum / (frames - lag);
        }
        return autocorrelation[0] > 0;
    }

    private void ScoreGrid(int frames, int maxLag, bool useBackbeat)
    {
        var zeroLag = _autocorrelation[0];
        for (var g = 0; g < _gridBpm.Length; g++)
        {
            var lag = 60 * _frameRate / _gridBpm[g];
            _autocorrelationScore[g] = lag <= maxLag ? Interpolate(_autocorrelation, lag) / zeroLag : 0;
        }

        ComputeOnsetSpectrum(frames);

        double spectrumMax = 0;
        for (var g = 0; g < _gridBpm.Length; g++)
            spectrumMax = Math.Max(spectrumMax, _spectrumScore[g]);
        for (var g = 0; g < _gridBpm.Length; g++)
        {
            var spectrum = spectrumMax > 0 ? _spectrumScore[g] / spectrumMax : 0;
            _score[g] = Math.Pow(Math.Max(0, _autocorrelationScore[g]), _options.AutocorrelationWeight)
                * Math.Pow(spectrum, _options.SpectrumWeight) * _prior[g];
            if (useBackbeat)
            {
                // Backbeat contrast: the snare band's self-similarity two beats apart minus one
                // beat apart, as a share of its energy.
                var lag = 60 * _frameRate / _gridBpm[g];
                var contrast = 2 * lag <= maxLag
                    ? (Interpolate(_backbeatAutocorrelation, 2 * lag) - Interpolate(_backbeatAutocorrelation, lag)) / _backbeatAutocorrelation[0]
                    : 0;
                _score[g] *= 1 + _options.BackbeatWeight * Math.Max(0, contrast);
            }
        }
    }

    /// <summary>
    /// Magnitude of the envelope's Fourier component at each grid tempo, averaged over
    /// half-overlapping Hann-windowed chunks of about 24 s so that slow drifts do not smear it.
    /// </summary>
    private void ComputeOnsetSpectrum(int frames)
    {
        Array.Clear(_spectrumScore);
        var chunk = Math.Min(frames, SpectrumChunkFrames);
        var hop = Math.Max(1, chunk / 2);
        var chunks = 0;
        var pulse = _pulse.AsSpan(0, frames);
        if (_windowedChunk.Length != chunk)
        {
            _windowedChunk = new double[chunk];
            _chunkWindow = new double[chunk];
            for (var n = 0; n < chunk; n++)
                _chunkWindow[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / chunk);
        }
        var windowed = _windowedChunk;
        for (var start = 0; start + chunk <= frames; start += hop)
        {
            chunks++;
            var segment = pulse.Slice(start, chunk);
            double mean = 0;
            foreach (var v in segment) mean += v;
            mean /= chunk;
            // The windowed chunk is the same for every grid tempo: compute it once, not per tempo
            // (on a 5-minute track that alone was 20 million cosines).
            for (var n = 0; n < chunk; n++)
                windowed[n] = (segment[n] - mean) * _chunkWindow[n];
            for (var g = 0; g < _gridBpm.Length; g++)
            {
                var omega = 2 * Math.PI * _gridBpm[g] / 60 / _frameRate;
                // Rotate a phasor rather than calling sin/cos per frame; re-seed it every 256
                // frames so rounding does not accumulate.
                double re = 0, im = 0, c = 1, s = 0;
                var (stepS, stepC) = Math.SinCos(omega);
                for (var n = 0; n < chunk; n++)
                {
                    if ((n & 255) == 0)
                        (s, c) = Math.SinCos(omega * n);
                    var v = windowed[n];
                    re += v * c;
                    im -= v * s;
                    var nextC = c * stepC - s * stepS;
                    s = s * stepC + c * stepS;
                    c = nextC;
                }
                _spectrumScore[g] += Math.Sqrt(re * re + im * im);
            }
        }
        if (chunks > 0)
            for (var g = 0; g < _gridBpm.Length; g++)
                _spectrumScore[g] /= chunks;
    }

    /// <summary>
    /// Sharpens the grid winner from the autocorrelation peaks near one to four of its periods:
    /// each peak is located to a fraction of a frame by a parabola through its three samples,
    /// and the period is the least-squares slope of peak position against multiple.
    /// </summary>
    private double Refine(double bpm, int maxLag)
    {
        var period = 60 * _frameRate / bpm;
        double weighted = 0, squares = 0;
        for (var k = 1; k <= MaxCombMultiple; k++)
        {
            var expected = k * period;
            var centre = (int)Math.Round(expected);
            if (centre < 2 || centre + 2 > maxLag)
                break;
            var peak = centre;
            for (var lag = centre - 2; lag <= centre + 2; lag++)
                if (_autocorrelation[lag] > _autocorrelation[peak]) peak = lag;
            if (peak <= 1 || peak >= maxLag || Math.Abs(peak - expected) > 1.5 + 0.02 * expected)
                continue;
            double left = _autocorrelation[peak - 1], middle = _autocorrelation[peak], right = _autocorrelation[peak + 1];
            var curvature = left - 2 * middle + right;
            var offset = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
            var position = peak + Math.Clamp(offset, -0.5, 0.5);
            weighted += k * position;
            squares += k * k;
        }
        if (squares == 0)
            return bpm;
        var refined = 60 * _frameRate / (weighted / squares);
        // The refinement only polishes; a jump of more than 3 % means the peaks belong to
        // another hypothesis, and the grid value is kept.
        return Math.Abs(refined / bpm - 1) <= 0.03 ? refined : bpm;
    }

    /// <summary>
    /// The highest local maximum of the score inside the range. A score still rising at a range
    /// edge belongs to a tempo outside it, so edges count only when no interior peak exists.
    /// </summary>
    private int BestPeak()
    {
        var best = -1;
        for (var g = Math.Max(1, _rangeStart); g <= Math.Min(_rangeEnd, _score.Length - 2); g++)
            if (_score[g] > 0 && _score[g] >= _score[g - 1] && _score[g] > _score[g + 1] && (best < 0 || _score[g] > _score[best]))
                best = g;
        return best >= 0 ? best : ArgMax(_score, _rangeStart, _rangeEnd);
    }

    private List<TempoCandidate> CollectCandidates(int best)
    {
        var top = _score[best];
        var peaks = new List<(double Bpm, double Score)>();
        for (var g = _rangeStart; g <= _rangeEnd; g++)
        {
            var left = g > 0 ? _score[g - 1] : double.NegativeInfinity;
            var right = g + 1 < _score.Length ? _score[g + 1] : double.NegativeInfinity;
            if (_score[g] > 0 && _score[g] >= left && _score[g] > right)
                peaks.Add((_gridBpm[g], _score[g] / top));
        }
        return peaks.OrderByDescending(p => p.Score).Take(8)
            .Select(p => new TempoCandidate(Math.Round(p.Bpm, 2), p.Score)).ToList();
    }

    /// <summary>The best-scoring musical relative of the winner (half, double, 2/3, 3/2, third, triple) inside the range.</summary>
    private double? FindAlternative(int best, out double score)
    {
        score = 0;
        double? alternative = null;
        ReadOnlySpan<double> ratios = [0.5, 2, 2.0 / 3, 1.5, 1.0 / 3, 3];
        foreach (var ratio in ratios)
        {
            var target = best + Math.Log2(ratio) * StepsPerOctave;
            // Look within about 2 % for the relative's own peak.
            var from = Math.Max(_rangeStart, (int)Math.Floor(target - 7));
            var to = Math.Min(_rangeEnd, (int)Math.Ceiling(target + 7));
            if (from > to)
                continue;
            var index = ArgMax(_score, from, to);
            if (index >= 0 && _score[index] > score)
            {
                score = _score[index];
                alternative = Math.Round(_gridBpm[index], 2);
            }
        }
        return alternative;
    }

    private static int ArgMax(double[] values, int from, int to)
    {
        var index = -1;
        var max = double.NegativeInfinity;
        for (var i = Math.Max(0, from); i <= to && i < values.Length; i++)
            if (values[i] > max) { max = values[i]; index = i; }
        return index;
    }

    private static double Interpolate(double[] values, double position)
    {
        var i = (int)Math.Floor(position);
        var frac = position - i;
        if (i + 1 >= values.Length)
            return values[^1];
        return values[i] * (1 - frac) + values[i + 1] * frac;
    }

    private static double FiniteMean(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values) sum += Finite(v);
        return values.Length > 0 ? sum / values.Length : 0;
    }

    // Onset envelopes are non-negative; anything else (NaN, infinities, negatives) is no onset.
    private static double Finite(float value) => float.IsFinite(value) && value > 0 ? value : 0;
}
